# A deque that holds itself, or another deque that holds it, writes itself as [...] inside
# its own repr, as CPython's does.
from collections import deque
d = deque([1, 2])
d.append(d)
print(d)
print(repr(d), str([d]))
e = deque([d, 3], maxlen=5)
print(e)
pair = [deque(), deque()]
pair[0].append(pair[1])
pair[1].append(pair[0])
print(pair)
print(deque([deque([1])]))
