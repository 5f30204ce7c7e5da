# Checks that as_completed and executor.map hand out each result as soon as it is ready: the main thread's prints interleave with the workers', a break leaves the rest, and a timeout names the unfinished futures.
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError, as_completed


def brew(drink, seconds):
    time.sleep(seconds)
    print("  brewed", drink)
    return drink


orders = [("latte", 0.3), ("espresso", 0.1), ("tea", 0.2)]
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(brew, drink, seconds) for drink, seconds in orders]
    for future in as_completed(futures):
        print("served", future.result())

print("map, in input order:")
with ThreadPoolExecutor(max_workers=3) as pool:
    for n, drink in enumerate(pool.map(brew, ["mocha", "chai"], [0.1, 0.25])):
        print("poured", n, drink)

print("the first one only:")
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(brew, drink, s) for drink, s in [("cocoa", 0.25), ("water", 0.03)]]
    started = time.perf_counter()
    for future in as_completed(futures):
        print("first:", future.result(), "before the other:", time.perf_counter() - started < 0.15)
        break

print("a deadline:")
with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(brew, drink, s) for drink, s in [("slow", 0.3), ("quick", 0.05)]]
    try:
        for future in as_completed(futures, timeout=0.15):
            print("in time:", future.result())
    except TimeoutError as e:
        print("TimeoutError:", e)
    results = pool.map(brew, ["late"], [0.3], timeout=0.05)
    try:
        print(list(results))
    except TimeoutError:
        print("map gave up waiting")
