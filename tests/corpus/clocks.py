# Checks loop.time(), time.monotonic(), time.perf_counter() and time.time() agree on elapsed time.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    marks = [loop.time(), time.monotonic(), time.perf_counter(), time.time()]
    await asyncio.sleep(0.3)
    after = [loop.time(), time.monotonic(), time.perf_counter(), time.time()]
    labels = ["loop.time", "monotonic", "perf_counter", "time"]
    for label, a, b in zip(labels, marks, after):
        print(f"{label:>12}: {b - a:.1f} s")
    print("loop clock is the monotonic clock:", abs(loop.time() - time.monotonic()) < 0.05)
    print("wall clock is after 2020:", time.time() > 1577836800)
    t0 = time.perf_counter()
    time.sleep(0.1)
    print("time.sleep(0.1) took", round(time.perf_counter() - t0, 1))


asyncio.run(main())
