# Async generators: async def with yield, async for, async comprehensions, asend and returning early.
import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def countdown(start):
    while start > 0:
        yield start
        start -= 1
        await asyncio.sleep(0)
    print("  countdown finished")


async def read_sensor(values):
    for v in values:
        await asyncio.sleep(0.01)
        if v is None:
            print("  sensor offline, stopping")
            return
        yield v


async def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
        print("  echo got", value, "->", received)


async def main():
    async for t in ticker(3, 0.01):
        print("tick", t)
    print([x async for x in countdown(4)])
    print([x * x async for x in ticker(6, 0.001) if x % 2 == 0])
    print({x: str(x) async for x in countdown(2)})
    readings = [r async for r in read_sensor([20.5, 21.0, None, 99.0])]
    print("readings", readings, sum(readings) / len(readings))
    gen = ticker(2, 0.01)
    print(type(gen).__name__, hasattr(gen, "__anext__"), hasattr(gen, "__next__"))
    e = echo()
    print("first", await e.asend(None))
    print("sent a ->", await e.asend("a"))
    print("sent b ->", await e.asend("b"))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("echo ended with StopAsyncIteration")
    total = 0
    source = ticker(5, 0.002)
    async for value in source:
        total += value
        if total > 3:
            print("stop at", value, "total", total)
            break
    await source.aclose()
    print("done, more after close:", [x async for x in source])


asyncio.run(main())
