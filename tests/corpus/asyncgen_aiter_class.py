# async for over classes with __aiter__/__anext__ raising StopAsyncIteration: a paginated fetch and a timer.
import asyncio

PAGES = {1: ["a", "b"], 2: ["c", "d"], 3: ["e"]}


class PageFetcher:
    def __init__(self, last_page):
        self.last_page = last_page

    def __aiter__(self):
        return PageIterator(self.last_page)


class PageIterator:
    def __init__(self, last_page):
        self.page = 0
        self.last_page = last_page

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.page += 1
        if self.page > self.last_page:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        print(f"  fetched page {self.page}")
        return PAGES[self.page]


class Ticks:
    def __init__(self, name, count, delay):
        self.name = name
        self.left = count
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.left == 0:
            raise StopAsyncIteration
        self.left -= 1
        await asyncio.sleep(self.delay)
        return f"{self.name}{self.left}"


async def consume(ticks):
    seen = []
    async for t in ticks:
        print("got", t)
        seen.append(t)
    return seen


async def main():
    items = []
    async for page in PageFetcher(3):
        items.extend(page)
    print("items:", items)
    print([p async for p in PageFetcher(2)])
    fetcher = PageFetcher(1)
    it1, it2 = aiter(fetcher), aiter(fetcher)
    print(it1 is it2, await anext(it1), await anext(it2))
    results = await asyncio.gather(consume(Ticks("x", 3, 0.02)), consume(Ticks("y", 2, 0.05)))
    print(results)
    t = Ticks("z", 1, 0)
    print(await anext(t), await anext(t, "exhausted"))
    try:
        await anext(t)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    try:
        async for _ in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
