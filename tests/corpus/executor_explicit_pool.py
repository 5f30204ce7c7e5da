# Checks loop.run_in_executor with an explicit ThreadPoolExecutor: the loop keeps running other tasks while pool threads block, and results come back to the awaiting task.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def slow_lookup(key, seconds):
    time.sleep(seconds)
    return f"{key}={len(key)} from {threading.current_thread().name}"


async def ticker(count):
    for i in range(count):
        await asyncio.sleep(0.2)
        print("tick", i + 1)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        ticks = asyncio.create_task(ticker(3))
        first = loop.run_in_executor(pool, slow_lookup, "alpha", 0.3)
        second = loop.run_in_executor(pool, slow_lookup, "be", 0.1)
        print("submitted, loop is free")
        print(await second)
        print(await first)
        await ticks
    print("done")


asyncio.run(main())
