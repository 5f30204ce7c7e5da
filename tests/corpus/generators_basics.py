# Generators: yield, send, yield from, infinite generators, finally, and __iter__ as a generator.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(list(count(4)), sum(count(5)), [x * 2 for x in count(3)])
g = count(2)
print(next(g), next(g), next(g, "end"))
print(type(g).__name__, g.__name__)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    print("received", received)


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    next(e)
except StopIteration:
    print("stopped")


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, 4]], 5, [[6]]])))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])
for i, v in enumerate(fib()):
    if v > 50:
        print("first over 50:", i, v)
        break


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for v in with_finally():
    print("got", v)


def pipeline():
    nums = (n for n in range(10))
    evens = (n for n in nums if n % 2 == 0)
    yield from evens


print(list(pipeline()), list(zip(count(3), "abc")))


class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids

    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k


t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), max(t))
try:
    g = count(3)
    g.send(5)
except TypeError as e:
    print("TypeError:", e)


def gen_err():
    yield 1
    raise ValueError("inside")


try:
    for v in gen_err():
        print(v)
except ValueError as e:
    print("ValueError:", e)
