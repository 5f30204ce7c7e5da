# Checks chains of coroutines awaiting coroutines, recursive coroutines and values passed back up.
import asyncio


async def leaf(n):
    await asyncio.sleep(0.01)
    return n + 1


async def middle(n):
    a = await leaf(n)
    b = await leaf(a)
    return [a, b]


async def top():
    parts = await middle(0)
    parts.extend(await middle(10))
    return parts


async def countdown(n):
    if n == 0:
        return ["liftoff"]
    await asyncio.sleep(0)
    rest = await countdown(n - 1)
    return [n] + rest


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


async def main():
    print(await top())
    print(await countdown(5))
    print(await fib(15))
    print(await asyncio.gather(middle(100), countdown(2), fib(10)))


asyncio.run(main())
