# Checks that threads hashing large buffers (the GIL is released) and small pieces (it is not) give the same digests as hashing in the main thread.
import hashlib
import threading

CHUNK = b"q" * 4_000_000
PIECE = b"q" * 1000
digests = {}


def hash_big(label, times):
    h = hashlib.sha256()
    for _ in range(times):
        h.update(CHUNK)
    digests[label] = h.hexdigest()


def hash_small(label, times):
    h = hashlib.sha256()
    for _ in range(times):
        h.update(PIECE)
    digests[label] = h.hexdigest()


threads = [
    threading.Thread(target=hash_big, args=("big-1", 5)),
    threading.Thread(target=hash_big, args=("big-2", 5)),
    threading.Thread(target=hash_small, args=("small-1", 20_000)),
    threading.Thread(target=hash_small, args=("small-2", 20_000)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
for label in sorted(digests):
    print(label, digests[label][:24])
print("big threads agree:", digests["big-1"] == digests["big-2"])
print("same bytes, same digest:", digests["big-1"] == hashlib.sha256(b"q" * 20_000_000).hexdigest())
print("small pieces agree:", digests["small-1"] == digests["small-2"] == hashlib.sha256(b"q" * 20_000_000).hexdigest())
