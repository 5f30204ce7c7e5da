# Checks loop.run_in_executor(None, ...) and asyncio.to_thread sharing the default pool: asyncio_N thread names, completion order, gather order (notes 7.8).
import asyncio
import threading
import time


def blocking(seconds):
    time.sleep(seconds)
    return seconds, threading.current_thread().name


async def main():
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    jobs = [
        loop.run_in_executor(None, blocking, 0.3),
        loop.run_in_executor(None, blocking, 0.1),
        asyncio.to_thread(blocking, 0.2),
    ]
    results = await asyncio.gather(*jobs)
    print(f"gather after {time.perf_counter() - started:.1f} s ->", results)
    print("the loop stayed in", threading.current_thread().name)
    again = await loop.run_in_executor(None, blocking, 0.05)
    print("an idle worker is reused:", again[1] in [name for _, name in results])


asyncio.run(main())
print("threads after asyncio.run:", threading.active_count())
