# Checks threading.active_count(): 1 with only the main thread, growing as threads start, back to 1 after joins.
import threading
import time


def nap(seconds):
    time.sleep(seconds)


print("at start:", threading.active_count())
threads = [threading.Thread(target=nap, args=(0.1 * (n + 1),)) for n in range(3)]
print("created, not started:", threading.active_count())
for n, t in enumerate(threads):
    t.start()
    print(f"started {n + 1}:", threading.active_count())
threads[0].join()
print("after first join:", threading.active_count())
for t in threads:
    t.join()
print("after all joins:", threading.active_count())
quick = threading.Thread(target=nap, args=(0.0,))
quick.start()
quick.join()
print("after a quick one:", threading.active_count(), quick.is_alive())
