# Checks threading.Thread with target, args and name: start, is_alive before and after join, .name, and results collected in a shared list.
import threading
import time

results = []


def worker(label, delay):
    time.sleep(delay)
    results.append((label, threading.current_thread().name))


t = threading.Thread(target=worker, args=("first", 0.2), name="slow worker")
print("before start:", t.name, t.is_alive())
t.start()
print("after start:", t.is_alive())
t.join()
print("after join:", t.is_alive(), results)

results.clear()
pair = [threading.Thread(target=worker, args=(f"job{i}", 0.1 * (2 - i)), name=f"w{i}") for i in range(2)]
for p in pair:
    p.start()
print("both alive:", [p.is_alive() for p in pair])
for p in pair:
    p.join()
print("both done:", [p.is_alive() for p in pair])
print("finished in order:", results)
print("main is still", threading.current_thread().name)
