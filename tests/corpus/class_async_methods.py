# Coroutines as methods: a class that owns its tasks, awaited methods, and shared state.
import asyncio


class Kitchen:
    def __init__(self, name):
        self.name = name
        self.done = []
        self.tasks = []

    async def cook(self, dish, minutes):
        print(f"{self.name}: start {dish}")
        await asyncio.sleep(minutes / 100)
        self.done.append(dish)
        print(f"{self.name}: {dish} ready")
        return dish.upper()

    async def serve(self, menu):
        self.tasks = [asyncio.create_task(self.cook(d, m)) for d, m in menu]
        return await asyncio.gather(*self.tasks)

    def __repr__(self):
        return f"Kitchen({self.name!r}, done={self.done})"


class Timer:
    def __init__(self):
        self.loop = asyncio.get_running_loop()

    def __enter__(self):
        self.start = self.loop.time()
        return self

    def __exit__(self, *exc):
        self.elapsed = self.loop.time() - self.start
        return False


async def main():
    k = Kitchen("north")
    with Timer() as t:
        plates = await k.serve([("soup", 3), ("bread", 1), ("stew", 2)])
    print(plates, k, round(t.elapsed, 1))
    print([task.done() for task in k.tasks], await k.cook("tea", 0))
    cooks = [Kitchen(n) for n in ("a", "b")]
    results = await asyncio.gather(*(c.cook("egg", i) for i, c in enumerate(cooks)))
    print(results, [c.done for c in cooks])


asyncio.run(main())
