# id: cpu-in-threads
# title: CPU work split over two threads
# summary: A pile of pure-Python arithmetic is cut in two halves and handed to a pool of two threads.
# concept: the GIL: threads take turns on CPU-bound work
# notice: Both pool threads have work from the start, but only the one holding the GIL runs
#   Python: their running bars alternate in slices of about 5 ms while the other waits for
#   the GIL, and the core lanes show one core at work at a time. The two
#   halves take as long as the whole pile on one thread would. The version with processes is
#   the same program with a process pool in place of the thread pool.
import os
from concurrent.futures import ThreadPoolExecutor

HALVES = 2
STEPS_PER_HALF = 3_000_000


def crunch(half):
    # Pure Python arithmetic: every step needs the GIL.
    total = 0
    for step in range(half * STEPS_PER_HALF, (half + 1) * STEPS_PER_HALF):
        total = (total + step * step) % 1_000_003
    return total, os.getpid()


if __name__ == "__main__":
    here = os.getpid()
    print(f"{HALVES} halves of {STEPS_PER_HALF:,} steps each, in a pool of {HALVES} threads")
    with ThreadPoolExecutor(max_workers=HALVES) as pool:
        jobs = [pool.submit(crunch, half) for half in range(HALVES)]
        for half, job in enumerate(jobs):
            total, pid = job.result()
            print(f"  half {half + 1}: checksum {total}, computed in this process: {pid == here}")
    print("one process, one GIL: the threads took turns")
