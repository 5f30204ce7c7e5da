# anext() with and without a default, stepping async generators by hand and merging sorted streams.
import asyncio


async def numbers(*values, delay=0.005):
    for v in values:
        await asyncio.sleep(delay)
        yield v


async def first_or(agen, default):
    return await anext(agen, default)


async def merge_sorted(a, b):
    x = await anext(a, None)
    y = await anext(b, None)
    while x is not None or y is not None:
        if y is None or (x is not None and x <= y):
            yield x
            x = await anext(a, None)
        else:
            yield y
            y = await anext(b, None)


async def main():
    g = numbers(1, 2)
    print(await anext(g), await anext(g), await anext(g, "default"), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    print(await first_or(numbers(), "empty"), await first_or(numbers(7, 8), "empty"))
    merged = [v async for v in merge_sorted(numbers(1, 4, 6, 10), numbers(2, 3, 7))]
    print("merged", merged)
    pending = numbers("a", "b", "c")
    step = anext(pending)
    print(await step)
    batch = []
    while (item := await anext(pending, None)) is not None:
        batch.append(item)
    print("rest", batch)
    try:
        await anext([1, 2])
    except TypeError as e:
        print("TypeError:", e)
    heads = await asyncio.gather(first_or(numbers(5, delay=0.02), 0), first_or(numbers(delay=0.01), -1))
    print("heads", heads)


asyncio.run(main())
