# Checks that future.result() re-raises a worker's exception, done() after it, and that leaving a with block waits for jobs still running.
import time
from concurrent.futures import ThreadPoolExecutor


def divide(a, b):
    time.sleep(0.05)
    return a / b


def nap(seconds):
    time.sleep(seconds)
    return "rested"


with ThreadPoolExecutor(max_workers=2) as pool:
    good = pool.submit(divide, 1, 4)
    bad = pool.submit(divide, 1, 0)
    print("good:", good.result())
    try:
        bad.result()
    except ZeroDivisionError as err:
        print("bad raised:", err)
    print("both done:", good.done(), bad.done())

started = time.perf_counter()
with ThreadPoolExecutor(max_workers=1) as pool:
    pending = pool.submit(nap, 0.3)
    print("inside the block, done:", pending.done())
print(f"the with block waited {time.perf_counter() - started:.1f} s, done:", pending.done(), pending.result())
