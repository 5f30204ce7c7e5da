# Checks that 4 threads lose updates when a call sits between reading and writing a shared counter, and a Lock around it loses none.
import threading

counter = 0
lock = threading.Lock()


def add_racy(times):
    global counter
    for _ in range(times):
        seen = counter
        abs(-1)  # a call: the GIL may pass to another thread here
        counter = seen + 1


def add_locked(times):
    global counter
    for _ in range(times):
        lock.acquire()
        seen = counter
        abs(-1)
        counter = seen + 1
        lock.release()


def run(job):
    global counter
    counter = 0
    threads = [threading.Thread(target=job, args=(20_000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


racy = run(add_racy)
print("racy: count <= expected:", racy <= 80_000)
locked = run(add_locked)
print("locked:", locked, locked == 80_000)
