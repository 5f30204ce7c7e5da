# Checks the order of events when threads start, sleep and are joined (notes 7.1): each new thread runs up to its sleep before start() returns.
import threading
import time

events = []  # threads record here and main prints after the joins, so stdout order cannot race


def worker(n):
    events.append(f"worker {n} start")
    time.sleep(0.1 * (3 - n))
    events.append(f"worker {n} end")


threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
events.append("main: all started")
for t in threads:
    t.join()
events.append("main: done")
for event in events:
    print(event)
