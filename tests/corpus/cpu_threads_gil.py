# Checks two threads running a pure-Python loop after the same loop run twice in the main thread: equal results; the wall time shows no speed-up under the GIL.
import threading

N = 1_500_000


def crunch(n, out, slot):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    out[slot] = total


results = [0, 0, 0, 0]
crunch(N, results, 0)
crunch(N, results, 1)
threads = [threading.Thread(target=crunch, args=(N, results, slot), name=f"crunch-{slot}") for slot in [2, 3]]
for t in threads:
    t.start()
print("running:", [t.name for t in threads if t.is_alive()])
for t in threads:
    t.join()
print("results:", results)
print("all equal:", results[0] == results[1] == results[2] == results[3])
