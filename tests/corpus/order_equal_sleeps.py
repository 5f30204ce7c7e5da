# Checks that sleeps wake in deadline order, and equal delays in the order they started (semantics case 2).
import asyncio


async def nap(name, delay):
    print(name, "start")
    await asyncio.sleep(delay)
    print(name, "woke")


async def main():
    await asyncio.gather(nap("A", 0.1), nap("B", 0.1), nap("C", 0.05))


asyncio.run(main())
