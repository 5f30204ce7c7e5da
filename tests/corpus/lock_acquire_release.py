# Checks threading.Lock: acquire() returns True, release(), `with lock:`, and that a waiting thread blocks until the holder releases.
import threading
import time

lock = threading.Lock()
log = []


def waiter():
    log.append("waiter: wants the lock")
    with lock:
        log.append("waiter: got the lock")
    log.append("waiter: released it")


print("acquire:", lock.acquire())
t = threading.Thread(target=waiter, name="waiter")
t.start()
time.sleep(0.2)
log.append("main: still holding the lock")
print("waiter alive while main holds the lock:", t.is_alive())
lock.release()
t.join()
for line in log:
    print(line)

with lock:
    print("inside with")
print("acquire again after with:", lock.acquire())
lock.release()
print("done")
