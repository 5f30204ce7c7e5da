# Checks that a CPU-bound coroutine holds the loop: a timer set before it can only fire after it finishes.
import asyncio
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


async def heavy(name):
    print(name, "starts crunching")
    result = crunch(2_000_000)
    print(name, "done:", result)


async def beeper():
    start = time.perf_counter()
    await asyncio.sleep(0.01)
    late = time.perf_counter() - start
    print("beeper woke late:", late > 0.05)


async def main():
    await asyncio.gather(beeper(), heavy("A"), heavy("B"))
    print("all done")


asyncio.run(main())
