# Checks ProcessPoolExecutor: submit/result, map in input order, a with block, results computed in other processes, at most max_workers of them.
import os
from concurrent.futures import ProcessPoolExecutor


def cube(n):
    return n * n * n


def where(n):
    total = 0
    for i in range(200_000):
        total += i % (n + 2)
    return total, os.getpid()


if __name__ == "__main__":
    me = os.getpid()
    with ProcessPoolExecutor(max_workers=2) as pool:
        future = pool.submit(cube, 7)
        print("submit(cube, 7).result():", future.result())
        print("map:", list(pool.map(cube, [3, 1, 2, 10])))
        pairs = list(pool.map(where, range(6)))
    print("totals:", [total for total, _ in pairs])
    pids = {}
    for _, pid in pairs:
        pids[pid] = True
    print("none ran in the parent:", me not in pids)
    print("at most 2 workers:", 1 <= len(pids) <= 2)
    with ProcessPoolExecutor(max_workers=3) as pool:
        words = pool.map(cube, [5, 6])
        print("second pool:", list(words))
