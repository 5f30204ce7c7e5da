# deque as queue, stack and sliding window: append/appendleft, pop/popleft, rotate, maxlen, indexing.
from collections import deque

d = deque([1, 2, 3])
print(d, len(d))
d.append(4)
d.appendleft(0)
print(d, d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print("extended:", d)
d.rotate(2)
print("rotate 2:", d)
d.rotate(-3)
print("rotate -3:", d)
d[1] = 99
print(d, 99 in d, d.index(99), d.count(7))
print(list(reversed(d)), sum(d), max(d))
d.remove(99)
print("removed 99:", d, d == deque([-1, 2, 3, 7, 8, -2]))

window = deque(maxlen=3)
for reading in [5, 7, 9, 11, 13]:
    window.append(reading)
    print(list(window), round(sum(window) / len(window), 2))
print(repr(window), window.maxlen)
history = deque("abcd", maxlen=3)
print(history)
history.appendleft("z")
print(history, len(history))
history.extend("xy")
print(history)

# Round-robin over players with rotate.
players = deque(["ann", "bob", "cid"])
for turn in range(5):
    print("turn", turn, "->", players[0])
    players.rotate(-1)

# Breadth-first search using popleft.
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
queue = deque([("a", 0)])
seen = {"a"}
while queue:
    node, depth = queue.popleft()
    print("visit", node, "depth", depth)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            queue.append((nxt, depth + 1))

empty = deque()
for op in (empty.pop, empty.popleft):
    try:
        op()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque([1, 2])[5]
except IndexError as e:
    print("IndexError:", e)
d.clear()
print(d, bool(d), deque(range(3)) + deque([9]))
