# id: sequential-vs-tasks
# title: One after another, or all at once
# summary: The same three lookups, first awaited one by one, then started as tasks; compare the two timings.
# concept: sequential awaits versus asyncio.create_task
# notice: In the first half only one lookup is ever waiting, so the times add up to 1.5 s.
#   In the second half create_task starts all three before main waits for any of them:
#   their awaiting bars overlap, and the whole batch takes as long as the slowest, 0.7 s.
#   Same work, same waits; only when the waiting starts has changed.
import asyncio
import time

LOOKUPS = [("weather", 0.3), ("news", 0.5), ("prices", 0.7)]


async def lookup(topic, seconds):
    print(f"  asking for {topic}...")
    await asyncio.sleep(seconds)  # stands in for a slow network request
    print(f"  got {topic} after {seconds} s")


async def one_after_another():
    for topic, seconds in LOOKUPS:
        await lookup(topic, seconds)


async def all_at_once():
    tasks = [asyncio.create_task(lookup(topic, seconds)) for topic, seconds in LOOKUPS]
    for task in tasks:
        await task


async def main():
    print("One after another (await each lookup in turn):")
    started = time.perf_counter()
    await one_after_another()
    sequential = time.perf_counter() - started
    print(f"took {sequential:.1f} s, the sum of the waits\n")

    print("All at once (create_task first, then await):")
    started = time.perf_counter()
    await all_at_once()
    concurrent = time.perf_counter() - started
    print(f"took {concurrent:.1f} s, the longest single wait")


asyncio.run(main())
