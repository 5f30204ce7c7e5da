# id: thread-pool-from-asyncio
# title: Blocking calls: on the loop or in a thread pool
# summary: Three reports come from a blocking function; called straight from coroutines they freeze the loop, handed to a thread pool with run_in_executor they do not.
# concept: loop.run_in_executor and asyncio.to_thread
# notice: In round 1 the loop lane is blocked for the whole of each call and the heartbeat
#   task misses its beats. In round 2 each call runs on its own pool thread: the thread
#   lanes are blocked instead, the loop stays idle and free, and the heartbeat keeps time.
#   When a call returns, a wake arrow goes from the pool thread back to the task awaiting
#   it. Round 3 does the same with asyncio.to_thread, which uses the loop's default pool.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

REPORTS = [("sales", 0.3), ("stock", 0.5), ("staff", 0.4)]


def fetch_report(name, seconds):
    # Stands in for a library call that blocks, such as a database driver without asyncio.
    time.sleep(seconds)
    return f"{name} report (fetched in {threading.current_thread().name})"


async def heartbeat(beats):
    last = time.perf_counter()
    while True:
        await asyncio.sleep(0.1)
        now = time.perf_counter()
        beats.append(now - last)
        last = now


async def on_the_loop(name, seconds):
    return fetch_report(name, seconds)  # blocks the event loop


async def in_the_pool(pool, name, seconds):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, fetch_report, name, seconds)


async def round_of_reports(title, calls):
    print(title)
    beats = []
    pulse = asyncio.create_task(heartbeat(beats), name="heartbeat")
    await asyncio.sleep(0)
    started = time.perf_counter()
    reports = await asyncio.gather(*calls)
    took = time.perf_counter() - started
    await asyncio.sleep(0.15)  # give the heartbeat one more beat before stopping it
    pulse.cancel()
    for report in reports:
        print("  got the", report)
    print(f"  took {took:.1f} s; heartbeat kept time:", max(beats) < 0.2)


async def main():
    await round_of_reports("Round 1: blocking calls straight from coroutines", [on_the_loop(n, s) for n, s in REPORTS])
    with ThreadPoolExecutor(max_workers=3) as pool:
        await round_of_reports("Round 2: the same calls in a thread pool", [in_the_pool(pool, n, s) for n, s in REPORTS])
    await round_of_reports("Round 3: the same calls with asyncio.to_thread", [asyncio.to_thread(fetch_report, n, s) for n, s in REPORTS])


asyncio.run(main())
