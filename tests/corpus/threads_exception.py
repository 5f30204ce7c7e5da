# Checks that an exception in a thread goes to stderr only: the thread dies, is_alive() is False, and the main thread carries on.
import threading
import time


def fragile(n):
    time.sleep(0.05 * (n + 1))
    if n == 1:
        raise ValueError(f"worker {n} cannot cope")
    print(f"worker {n} finished")


threads = [threading.Thread(target=fragile, args=(n,), name=f"fragile-{n}") for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("after the joins:", [t.is_alive() for t in threads])
print("active threads:", threading.active_count())
print("main carries on")
