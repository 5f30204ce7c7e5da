# expect: ok
# says: MemoryError MemoryError MemoryError
import random
out = []
for call in [lambda: random.randbytes(10**12), lambda: random.choices([1], k=10**12), lambda: random.sample(range(10**18), 10**10)]:
    try:
        call()
    except MemoryError:
        out.append("MemoryError")
print(*out)
