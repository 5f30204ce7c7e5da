# Checks asyncio.wait with FIRST_COMPLETED: done and pending sets (printed sorted), and finishing the rest.
import asyncio
from asyncio import FIRST_COMPLETED


async def runner(name, delay):
    await asyncio.sleep(delay)
    print(name, "crossed the line")
    return name


def names(tasks):
    return sorted([t.get_name() for t in tasks])


async def main():
    tasks = [asyncio.create_task(runner(n, d), name=n) for n, d in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=FIRST_COMPLETED)
    print("done:", names(done), "pending:", names(pending))
    for t in done:
        print("winner result:", t.result())
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending)
    print("done:", names(done), "pending:", len(pending))
    print([t.result() for t in tasks])


asyncio.run(main())
