# Iterators written as classes: __iter__ and __next__, used by for, list, sum and next().


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter([i * i for i in range(self.n)])


print(list(Countdown(5)), sum(Countdown(4)), [x for x in Squares(5) if x % 2])
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
for a, b in zip(Countdown(3), Squares(3)):
    print(a, b)
print(max(Squares(4)), sorted(Countdown(3)), dict(enumerate(Countdown(2))))
c = Countdown(5)
for n in c:
    if n == 3:
        break
print("left:", list(c))
x, y, z = Countdown(3)
print(x, y, z, 2 in Squares(3), 5 in Countdown(4))


class NotIterable:
    pass


try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print("TypeError:", e)
