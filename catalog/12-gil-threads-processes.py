# id: gil-threads-processes
# title: More threads, same speed: the GIL
# summary: The same pile of pure-Python arithmetic is split over 1, 2 and 4 threads, then over 2 processes, and each split is timed against a single thread.
# concept: the global interpreter lock, threads versus processes for CPU-bound work
# notice: However many threads share the work, only one of them holds the GIL at any
#   moment: their running bars take turns in slices of about 5 ms, and the total stays that
#   of a single thread. The two processes each have an interpreter and a GIL of their own,
#   so on a machine with two or more cores their bars run side by side and the pile is done
#   in about half the time. Every split runs twice and the faster run counts.
import multiprocessing
import threading
import time

BLOCKS = 4  # the whole job: four equal blocks of work
STEPS_PER_BLOCK = 2_000_000


def crunch(blocks):
    # Pure Python arithmetic: it needs the GIL for every step.
    total = 0
    for step in range(blocks * STEPS_PER_BLOCK):
        total = (total + step * step) % 1_000_003
    return total


def timed_run(make_worker, count):
    workers = [make_worker(BLOCKS // count, n) for n in range(count)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


def best_of_two(make_worker, count):
    # Other programs on the machine can only add time, so the faster run is the fairer one.
    return min(timed_run(make_worker, count), timed_run(make_worker, count))


def thread_worker(blocks, n):
    return threading.Thread(target=crunch, args=(blocks,), name=f"cruncher {n + 1}")


def process_worker(blocks, n):
    return multiprocessing.Process(target=crunch, args=(blocks,))


def verdict(seconds, baseline):
    if seconds < 0.8 * baseline:
        return "faster than 1 thread"
    return "no faster than 1 thread"


if __name__ == "__main__":
    print(f"The job: {BLOCKS} blocks of {STEPS_PER_BLOCK:,} steps of arithmetic")
    one = best_of_two(thread_worker, 1)
    print("  1 thread   : the baseline")
    for count in [2, 4]:
        print(f"  {count} threads  : {verdict(best_of_two(thread_worker, count), one)}")
    two_processes = best_of_two(process_worker, 2)
    if multiprocessing.cpu_count() >= 2:
        print(f"  2 processes: {verdict(two_processes, one)}")
    else:
        print("  2 processes: this machine has one core, so they cannot run at the same time")
