# Several async generators consumed concurrently by tasks with gather; distinct delays fix the order.
import asyncio


async def feed(name, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        yield f"{name}{i}"
    print(f"feed {name} exhausted")


async def collect(source, label, log):
    items = []
    async for item in source:
        log.append(item)
        print(f"{label} received {item}")
        items.append(item)
    return label, items


async def merge(*sources):
    # A simple round-based merge: take one from each source in turn until all are done.
    iterators = [s.__aiter__() for s in sources]
    while iterators:
        for it in list(iterators):
            value = await anext(it, None)
            if value is None:
                iterators.remove(it)
            else:
                yield value


async def main():
    log = []
    results = await asyncio.gather(
        collect(feed("a", 3, 0.04), "A", log),
        collect(feed("b", 2, 0.1), "B", log),
        collect(feed("c", 2, 0.14), "C", log),
    )
    print(results)
    print("arrival order:", log)
    task = asyncio.create_task(collect(feed("late", 2, 0.04), "L", log))
    print("task created, done?", task.done())
    await asyncio.sleep(0.06)
    print("halfway, log tail:", log[-1])
    print(await task)
    merged = [x async for x in merge(feed("p", 3, 0.001), feed("q", 1, 0.001), feed("r", 2, 0.001))]
    print("merged:", merged)


asyncio.run(main())
