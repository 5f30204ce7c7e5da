# Checks hashlib.sha256 hexdigest values, update() in pieces equal to one call, and bytes literals, repetition, len and repr.
import hashlib

empty = b""
abc = b"abc"
print(abc, repr(empty), len(abc))
print(b"ab" * 3, len(b"xy" * 1000), b"it's", b'say "hi"', b"tab\there", b"nul\x00end")
print(hashlib.sha256(empty).hexdigest())
print(hashlib.sha256(abc).hexdigest())
print(hashlib.sha256(b"x" * 1_000_000).hexdigest())

h = hashlib.sha256()
h.update(b"a")
h.update(b"bc")
print("update in pieces matches:", h.hexdigest() == hashlib.sha256(abc).hexdigest())
print("hexdigest can be read twice:", h.hexdigest() == h.hexdigest())
h.update(b"d")
print(h.hexdigest()[:16], len(h.hexdigest()))

big = hashlib.sha256()
for _ in range(10):
    big.update(b"\x00" * 4096)
print(big.hexdigest() == hashlib.sha256(b"\x00" * 40960).hexdigest())
print(abc == b"abc", abc == b"abd", b"x" * 0 == b"")
