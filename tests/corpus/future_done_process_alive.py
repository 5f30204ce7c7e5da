# Checks concurrent.futures Future.done() before and after result(), and multiprocessing.Process.is_alive() and name=.
import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(nap, 0.2)
        print("right after submit, done:", future.done())
        print("result:", future.result(), "done:", future.done())
    p = multiprocessing.Process(target=nap, args=(0.2,), name="baker Ada")
    print("before start:", p.name, p.is_alive())
    p.start()
    print("running:", p.is_alive())
    p.join()
    print("joined:", p.is_alive(), p.exitcode)
