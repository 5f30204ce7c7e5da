# Checks def, return, defaults, keyword arguments, *args in calls, lambda and recursion.
import asyncio


def greet(name, greeting="hello", punct="!"):
    return greeting + ", " + name + punct


def nothing():
    pass


def divmod_pair(a, b):
    return a // b, a % b


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def describe(a, b=2, c=3):
    return f"a={a} b={b} c={c}"


async def add_later(a, b=10):
    await asyncio.sleep(0)
    return a + b


async def main():
    print(greet("ada"), greet("bob", "hi"), greet("cy", punct="?"), greet(greeting="yo", name="dee"))
    print(nothing(), divmod_pair(17, 5), factorial(10))
    args = [1, 20, 300]
    print(describe(*args), describe(*[7]), describe(5, c=9), describe(*[1, 2], c=0))
    double = lambda x: x * 2
    add = lambda a, b=1: a + b
    print(double(21), add(1), add(1, b=5), (lambda: "no args")())
    q, r = divmod_pair(29, 4)
    print(q, r)
    print(await add_later(1), await add_later(1, b=2), await add_later(*[3, 4]))
    ops = [lambda v: v + 1, lambda v: v * 10]
    print([op(4) for op in ops])


asyncio.run(main())
