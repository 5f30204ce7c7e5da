# Checks ThreadPoolExecutor.map: results in input order, a job waiting for a free worker, worker names and the total time (like notes 7.2).
import threading
import time
from concurrent.futures import ThreadPoolExecutor

started = time.perf_counter()


def task(seconds):
    time.sleep(seconds)
    print(f"done {seconds} in {threading.current_thread().name} at {time.perf_counter() - started:.1f} s")
    return seconds


with ThreadPoolExecutor(max_workers=2) as pool:
    results = list(pool.map(task, [0.4, 0.1, 0.2]))
print("map results:", results, f"after {time.perf_counter() - started:.1f} s")

with ThreadPoolExecutor(max_workers=3) as pool:
    doubled = pool.map(lambda n: n * 10, [1, 2, 3])
    print("with a lambda:", list(doubled))
