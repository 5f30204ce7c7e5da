# Method calls and class calls in every shape the evaluator treats differently:
# a method found on the class, one shadowed by an instance attribute, one replaced on
# the class between calls, inherited ones, and __init__ that returns something.


class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, by):
        self.n += by
        return self.n

    def describe(self):
        return f"Counter at {self.n}"


c = Counter(3)
print(c.bump(2), c.bump(5), c.describe())

c.bump = lambda by: f"shadowed, asked for {by}"
print(c.bump(1), c.n)
del c.bump
print(c.bump(1))


def louder(self, by):
    self.n += 10 * by
    return self.n


Counter.bump = louder
print(c.bump(1), Counter(0).bump(2))


class Child(Counter):
    def describe(self):
        return "child: " + super().describe()


k = Child(7)
print(k.bump(1), k.describe())


class Broken:
    def __init__(self, x):
        self.x = x
        return x


try:
    Broken(5)
except TypeError as e:
    print("TypeError:", e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)


class Arity:
    def __init__(self, a, b):
        self.total = a + b

    def pair(self, x):
        return (self.total, x)


try:
    Arity(1)
except TypeError as e:
    print("TypeError:", e)
a = Arity(1, 2)
try:
    a.pair()
except TypeError as e:
    print("TypeError:", e)
print(a.pair(x=4), Arity(b=1, a=2).total, a.pair(*[9]))


class Deep:
    def down(self, n):
        return 0 if n == 0 else 1 + self.down(n - 1)


print(Deep().down(200))


def fails(obj):
    return obj.boom(1)


class Boom:
    def boom(self, n):
        return n / 0


try:
    fails(Boom())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
