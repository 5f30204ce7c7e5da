# Decorators: plain, with arguments, stacked, on async functions, and their order of
# evaluation and application.
import asyncio
import time


def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()

    return wrapper


def repeat(times):
    print("repeat factory", times)

    def decorate(func):
        print("decorating", func.__name__)

        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]

        return wrapper

    return decorate


def trace(label):
    print("trace factory", label)

    def decorate(func):
        print("trace applied", label)
        return func

    return decorate


@shout
def greet(name, punctuation="!"):
    return f"hello, {name}{punctuation}"


@repeat(3)
def roll(x):
    return x * 2


@trace("top")
@trace("bottom")
def both():
    return "both"


calls = []


def counted(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        return func(*args, **kwargs)

    return wrapper


@counted
def add(a, b):
    return a + b


def timed(func):
    async def wrapper(*args, **kwargs):
        started = time.perf_counter()
        result = await func(*args, **kwargs)
        elapsed = time.perf_counter() - started
        print(f"{func.__name__} took about {round(elapsed, 1)} s")
        return result

    return wrapper


@timed
async def fetch(delay, what):
    await asyncio.sleep(delay)
    return what


async def main():
    results = await asyncio.gather(fetch(0.2, "a"), fetch(0.1, what="b"))
    print(results)


print(greet("ada"), greet("bob", punctuation="?"))
print(roll(4))
print(both())
print(add(1, 2), add(b=3, a=4), calls)
print(greet.__name__, roll.__name__)
asyncio.run(main())


def broken(func):
    raise ValueError("no decorating today")


try:

    @broken
    def victim():
        pass

except ValueError as e:
    print("ValueError:", e)
