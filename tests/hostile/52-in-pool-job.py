# expect: ok
# says: 1.5\n
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor() as pool:
    print(pool.submit(round, 1.5, 10**9).result())
