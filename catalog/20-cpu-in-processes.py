# id: cpu-in-processes
# title: CPU work split over two processes
# summary: The same pile of pure-Python arithmetic, cut in the same two halves, handed to a pool of two processes instead.
# concept: processes run CPU-bound Python in parallel
# notice: Each worker process has its own interpreter and its own GIL, so nothing makes the
#   halves take turns: the two process lanes run at the same time, and when the machine has
#   a second core free the core lanes show both busy at once and the pile is done in about
#   half the time the threads needed. Starting the workers costs a little, and the halves
#   travel to them and the results come back through pipes, so for small jobs threads or a
#   single loop can still win.
import os
from concurrent.futures import ProcessPoolExecutor

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
    print(f"{HALVES} halves of {STEPS_PER_HALF:,} steps each, in a pool of {HALVES} processes")
    with ProcessPoolExecutor(max_workers=HALVES) as pool:
        jobs = [pool.submit(crunch, half) for half in range(HALVES)]
        for half, job in enumerate(jobs):
            total, pid = job.result()
            print(f"  half {half + 1}: checksum {total}, computed in this process: {pid == here}")
    print("two processes, two interpreters, two GILs: nothing made them take turns")
