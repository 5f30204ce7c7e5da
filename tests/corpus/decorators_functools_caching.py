# functools.lru_cache with cache_info(), functools.cache, functools.partial and functools.total_ordering.
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    print("  computing", x)
    return x * x


for x in [1, 2, 1, 3, 1, 2]:
    print(x, "->", square(x))
print(square.cache_info())


@functools.cache
def ways(total, coins=(1, 2, 5)):
    if total == 0:
        return 1
    if total < 0 or not coins:
        return 0
    return ways(total - coins[0], coins) + ways(total, coins[1:])


print(ways(12), ways(100), ways.cache_info().hits > 0)


def power(base, exponent):
    return base ** exponent


square_of = functools.partial(power, exponent=2)
two_to = functools.partial(power, 2)
print(square_of(7), two_to(10), square_of.func.__name__, two_to.args, square_of.keywords)
print(list(map(functools.partial(power, exponent=3), range(5))))
to_int = functools.partial(int, base=2)
print(to_int("1011"), to_int("111"))
print(functools.partial(square_of, 3)(), functools.partial(power, 3, 3)())


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)


a, b = Version("1.2.10"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2.10"), a != b)
print(sorted([Version("2.0"), Version("1.9.9"), Version("1.10"), Version("1.2")]))
print(max(Version("0.9"), Version("0.10")), min([Version("3"), Version("2.99")]))
print(functools.reduce(lambda x, y: x if x >= y else y, [Version("1.1"), Version("1.3"), Version("1.2")]))
