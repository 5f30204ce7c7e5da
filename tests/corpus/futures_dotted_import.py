# Checks `import concurrent.futures` with dotted access: ThreadPoolExecutor, ProcessPoolExecutor and as_completed through the package name.
import concurrent.futures
import os


def label(n):
    return f"item-{n}"


def pid_of(n):
    return n, os.getpid() != 0


if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(label, n) for n in range(4)]
        print(sorted(f.result() for f in concurrent.futures.as_completed(futures)))
        print(list(pool.map(label, [7, 8])))
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(pid_of, [1, 2, 3])))
        print(pool.submit(label, 9).result())
