# id: lost-updates
# title: Four threads, one counter, lost updates
# summary: Four threads each add 1 to a shared counter 500,000 times, first with nothing to stop them getting in each other's way, then holding a Lock.
# concept: race conditions and threading.Lock
# notice: Each update reads the counter, calls a helper, then writes the result back. When
#   the GIL passes to another thread during the helper, that thread's updates are later
#   overwritten by a stale value: the thread lanes change hands mid-update and the total
#   comes out short. With the lock, a thread that finds it taken is drawn blocked until the
#   holder has written back, and not a single update is lost.
import threading

THREADS = 4
TIMES = 500_000
counter = 0
lock = threading.Lock()


def plus_one(value):
    return value + 1


def add_unprotected(times):
    global counter
    for _ in range(times):
        counter = plus_one(counter)  # read, call, write: another thread can run in between


def add_with_lock(times):
    global counter
    for _ in range(times):
        with lock:  # only one thread at a time between the read and the write
            counter = plus_one(counter)


def run(job):
    global counter
    counter = 0
    workers = [threading.Thread(target=job, args=(TIMES,), name=f"adder {i + 1}") for i in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counter


expected = THREADS * TIMES
print(f"{THREADS} threads each add 1, {TIMES:,} times: the counter should reach {expected:,}")
unprotected = run(add_unprotected)
print("without a lock, updates were lost:", unprotected < expected)
locked = run(add_with_lock)
print(f"with a lock, the counter reached {locked:,}:", locked == expected)
