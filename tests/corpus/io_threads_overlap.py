# Checks that threads blocked in time.sleep wait side by side: five 0.3 s sleeps in threads take 0.3 s, and they finish in order of their sleeps.
import threading
import time

finished = []


def wait(label, seconds):
    time.sleep(seconds)
    finished.append(label)


started = time.perf_counter()
threads = [threading.Thread(target=wait, args=(f"t{i}", 0.3)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"five 0.3 s sleeps in threads: {time.perf_counter() - started:.1f} s, {len(finished)} finished")

finished.clear()
started = time.perf_counter()
threads = [threading.Thread(target=wait, args=(f"t{i}", 0.1 * (4 - i))) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finish order:", finished, f"after {time.perf_counter() - started:.1f} s")
