# functools: wraps keeps a decorated function's names, partial fixes arguments, reduce folds,
# lru_cache and cache remember results (and say how often they were used).
import functools
import time
from functools import lru_cache, partial, reduce, wraps


def timer(func):
    @functools.wraps(func)
    def wrapper_timer(*args, **kwargs):
        started = time.perf_counter()
        value = func(*args, **kwargs)
        elapsed = time.perf_counter() - started
        print(f"Finished {func.__name__!r} in {round(elapsed, 1)} s")
        return value

    return wrapper_timer


@timer
def waste_some_time(num_times):
    total = 0
    for _ in range(num_times):
        total += sum([i**2 for i in range(100)])
    return total


print(waste_some_time(10), waste_some_time.__name__, waste_some_time.__wrapped__.__name__)
try:
    waste_some_time()
except TypeError as e:
    print("TypeError:", e)


def power(base, exponent, *, label="result"):
    return f"{label}: {base ** exponent}"


square = partial(power, exponent=2)
cube_of_two = partial(power, 2, 3, label="cube")
print(square(5), square(3, label="sq"), cube_of_two())
print(square.args, square.keywords, square.func is power)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 100))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@functools.cache
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square(5), slow_square.cache_info().hits)


@lru_cache(maxsize=2)
def echo(x):
    print("miss", x)
    return x


for x in [1, 2, 1, 3, 2, 1]:
    echo(x)
print(echo.cache_info())
echo.cache_clear()
print(echo.cache_info(), fib.__name__)
