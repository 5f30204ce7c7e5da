# Checks module-level code before and after asyncio.run, module globals, and `from asyncio import ...`.
import time
import asyncio
from asyncio import sleep, gather, create_task

GREETING = "top level runs first"
print(GREETING)
steps = []


def record(step):
    steps.append(step)
    return len(steps)


async def job(name):
    record(name + " start")
    await sleep(0.01)
    record(name + " end")
    return name.upper()


async def main():
    t = create_task(job("t"))
    results = await gather(job("g1"), job("g2"))
    print("gathered", results, "task", await t)
    return "main result"


print("before run", record("setup"))
value = asyncio.run(main())
print("run returned", value)
for s in steps:
    print(" ", s)
started = time.monotonic()
print("after run, steps:", len(steps), "clock works:", time.monotonic() >= started)
