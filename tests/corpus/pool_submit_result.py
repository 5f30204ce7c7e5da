# Checks ThreadPoolExecutor submit/result in a with block, worker names ThreadPoolExecutor-0_N, and reuse of an idle worker.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def square(n):
    time.sleep(0.05)
    return n * n, threading.current_thread().name


with ThreadPoolExecutor(max_workers=2) as pool:
    one_by_one = []
    for n in range(3):
        future = pool.submit(square, n)
        one_by_one.append(future.result())  # wait before submitting the next
    print("one at a time:", one_by_one)
    futures = [pool.submit(square, n) for n in [10, 20]]
    print("done right after submit:", [f.done() for f in futures])
    print("results:", [f.result()[0] for f in futures])
    print("two workers took them:", sorted(f.result()[1] for f in futures))
    print("done now:", [f.done() for f in futures])

with ThreadPoolExecutor(max_workers=1) as second:
    print("second pool:", second.submit(square, 7).result())
print("threads after both with blocks:", threading.active_count())
