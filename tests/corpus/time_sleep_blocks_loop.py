# Checks that time.sleep in a coroutine blocks the whole loop, and that overdue timers then fire in deadline order after ready tasks.
import asyncio
import time


async def napper(name, delay):
    await asyncio.sleep(delay)
    print(name, "woke")


async def spinner():
    await asyncio.sleep(0)
    print("spinner got its turn")


async def blocker():
    print("blocker: time.sleep(0.3) holds the loop")
    time.sleep(0.3)
    print("blocker: released")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(napper("n3", 0.03)),
        asyncio.create_task(napper("n1", 0.01)),
        asyncio.create_task(napper("n2", 0.02)),
        asyncio.create_task(blocker()),
        asyncio.create_task(spinner()),
    ]
    await asyncio.gather(*tasks)
    print(f"everything took {loop.time() - start:.1f} s")
    start = loop.time()
    await asyncio.gather(napper("a", 0.2), napper("b", 0.2))
    print(f"two asyncio.sleep(0.2) together: {loop.time() - start:.1f} s")


asyncio.run(main())
