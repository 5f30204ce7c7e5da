# Checks that `counter += 1` from 4 threads loses no updates: no switch point lies between the read and the write.
import threading

counter = 0


def add(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=add, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
print("exact:", counter == 400_000)
