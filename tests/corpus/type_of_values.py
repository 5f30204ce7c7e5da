# type(): the class of a value, its name, comparisons with the built-in classes, and
# isinstance with what type() gives.
import asyncio


def f():
    pass


async def job():
    return 1


values = [1, True, 2.5, "s", b"b", [1], (1,), {"a": 1}, range(3), None, f, ValueError("x")]
for v in values:
    t = type(v)
    print(t.__name__, t, isinstance(v, t))
print(type(1) is int, type(True) is bool, type(True) == int, type("x") in (str, bytes))
print(type(int), type(type), type(ValueError), type(f) is type(lambda: 0))
print(type(3)("42") + 1, type([])((1, 2)), type("")(7))
print(type(ValueError("boom")).__name__, isinstance(2, type(1)), isinstance(int, type))
print(type(print).__name__, type(len))


async def main():
    task = asyncio.create_task(job())
    print(type(task).__name__, await task)


asyncio.run(main())
try:
    type()
except TypeError as e:
    print("TypeError:", e)
