# Checks concurrent.futures.as_completed: futures come back in completion order; sorted results; results follow submission when read directly.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def brew(drink, seconds):
    time.sleep(seconds)
    return drink


orders = [("latte", 0.3), ("espresso", 0.1), ("tea", 0.2)]
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(brew, drink, seconds) for drink, seconds in orders]
    finished = [future.result() for future in as_completed(futures)]
    print("in the order they finished:", finished)
    print("sorted:", sorted(finished))
    print("in the order submitted:", [future.result() for future in futures])

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(lambda k: 2 ** k, n) for n in range(6)]
    print("sorted powers:", sorted(f.result() for f in as_completed(futures)))
