# Sleeps and timeouts given NaN, infinite, huge and negative seconds: each one waits, returns
# or fails exactly as CPython does.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", repr(e))


async def attempt_async(label, awaitable):
    try:
        print(label, "->", repr(await awaitable))
    except Exception as e:
        print(label, "->", repr(e))


async def main():
    await attempt_async("wait_for 1e300", asyncio.wait_for(asyncio.sleep(0.1, "slept"), 1e300))
    await attempt_async("wait_for inf", asyncio.wait_for(asyncio.sleep(0.1, "slept"), float("inf")))
    await attempt_async("wait_for nan", asyncio.wait_for(asyncio.sleep(0.1, "slept"), float("nan")))
    await attempt_async("wait_for -inf", asyncio.wait_for(asyncio.sleep(0.1), -float("inf")))
    await attempt_async("sleep nan", asyncio.sleep(float("nan"), "woke"))
    await attempt_async("sleep -inf", asyncio.sleep(-float("inf"), "woke"))
    task = asyncio.create_task(asyncio.sleep(0.1, "done"))
    done, pending = await asyncio.wait([task], timeout=float("inf"))
    print("wait inf:", len(done), "done,", len(pending), "pending")
    task = asyncio.create_task(asyncio.sleep(0.1))
    done, pending = await asyncio.wait([task], timeout=float("nan"))
    print("wait nan:", len(done), "done,", len(pending), "pending")
    await task
    forever = asyncio.create_task(asyncio.sleep(float("inf")))
    await asyncio.sleep(0.1)
    print("sleep(inf) still sleeping:", not forever.done())
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("sleep(inf) cancelled")
    await attempt_async("wait_for sleep(inf)", asyncio.wait_for(asyncio.sleep(float("inf")), 0.1))


asyncio.run(main())

attempt("time.sleep nan", lambda: time.sleep(float("nan")))
attempt("time.sleep 1e300", lambda: time.sleep(1e300))
attempt("time.sleep inf", lambda: time.sleep(float("inf")))
attempt("time.sleep -1", lambda: time.sleep(-1))
attempt("time.sleep 10**10", lambda: time.sleep(10**10))
attempt("time.sleep None", lambda: time.sleep(None))
attempt("time.sleep -0.0", lambda: time.sleep(-0.0))

lock = threading.Lock()
attempt("acquire 1e300", lambda: lock.acquire(timeout=1e300))
attempt("acquire nan", lambda: lock.acquire(timeout=float("nan")))
attempt("acquire -5", lambda: lock.acquire(timeout=-5))
attempt("acquire -1", lambda: lock.acquire(timeout=-1))
attempt("acquire held, 0.05", lambda: lock.acquire(True, 0.05))
attempt("acquire non-blocking with timeout", lambda: lock.acquire(False, timeout=1))
lock.release()

# A failed join of a thread still running marks it stopped in CPython (bpo-45274), so these
# joins wait for a thread that has finished but was never joined.
worker = threading.Thread(target=time.sleep, args=(0.01,))
worker.start()
time.sleep(0.1)
attempt("join 1e300", lambda: worker.join(1e300))
attempt("join nan", lambda: worker.join(float("nan")))
attempt("join -1", lambda: worker.join(-1))
worker.join()

with ThreadPoolExecutor(max_workers=2) as pool:
    future = pool.submit(time.sleep, 0.1)
    attempt("result 1e300", lambda: future.result(timeout=1e300))
    attempt("result nan", lambda: future.result(timeout=float("nan")))
    attempt("result -1", lambda: future.result(timeout=-1))
    attempt("result inf", lambda: future.result(timeout=float("inf")))
    future.result()
    attempt("result of a done future, 1e300", lambda: future.result(timeout=1e300))
    jobs = [pool.submit(time.sleep, 0.1)]
    attempt("as_completed 1e300", lambda: [f.result() for f in as_completed(jobs, timeout=1e300)])
    jobs = [pool.submit(time.sleep, 0.1)]
    attempt("as_completed nan", lambda: [f.result() for f in as_completed(jobs, timeout=float("nan"))])
    attempt("map 1e300", lambda: list(pool.map(time.sleep, [0.1], timeout=1e300)))
    attempt("map nan", lambda: list(pool.map(time.sleep, [0.1], timeout=float("nan"))))
