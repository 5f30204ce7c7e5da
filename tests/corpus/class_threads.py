# Methods as thread targets and pool jobs; a lock kept as an attribute.
import threading
from concurrent.futures import ThreadPoolExecutor


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add(self, n):
        for _ in range(n):
            with self.lock:
                self.value += 1

    def square(self, x):
        return x * x


c = Counter()
threads = [threading.Thread(target=c.add, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(c.value)
with ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(c.square, range(6))))
    future = pool.submit(c.add, 10)
    future.result()
print(c.value)
