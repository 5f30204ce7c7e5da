# Checks sys.getswitchinterval() default 0.005, set/get round trips (whole microseconds), the error for 0, and threads still working after a change.
import sys
import threading

print("default:", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("after setting 0.001:", sys.getswitchinterval())
sys.setswitchinterval(0.0123456)
print("after setting 0.0123456:", sys.getswitchinterval())
sys.setswitchinterval(2)
print("after setting 2:", sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as err:
    print("ValueError:", err)
print("unchanged by the error:", sys.getswitchinterval())

sys.setswitchinterval(0.0005)
totals = []


def spin(n):
    total = 0
    for i in range(n):
        total += i
    totals.append(total)


threads = [threading.Thread(target=spin, args=(200_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads with a 0.5 ms interval:", totals)
sys.setswitchinterval(0.005)
print("back to:", sys.getswitchinterval())
