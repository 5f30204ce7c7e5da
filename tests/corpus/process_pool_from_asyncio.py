# Checks loop.run_in_executor with a ProcessPoolExecutor: awaited from tasks, results in gather order, the loop free meanwhile, work done in other processes.
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor


def slow_square(n, seconds):
    time.sleep(seconds)
    return n * n, os.getpid()


async def ticker():
    await asyncio.sleep(0.1)
    print("loop: still free at about 0.1 s")


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        tick = asyncio.create_task(ticker())
        results = await asyncio.gather(
            loop.run_in_executor(pool, slow_square, 4, 0.3),
            loop.run_in_executor(pool, slow_square, 5, 0.2),
        )
        await tick
        print("squares:", [square for square, _ in results])
        print("in other processes:", all(pid != os.getpid() for _, pid in results))
        print("in two different processes:", results[0][1] != results[1][1])
        again = await loop.run_in_executor(pool, slow_square, 9, 0.0)
        print("a reused worker:", again[0], again[1] in [pid for _, pid in results])


if __name__ == "__main__":
    asyncio.run(main())
