# Generator pipelines feeding coroutines and threads: lazy stages, batching, and a generator
# consumed across awaits.
import asyncio
import threading


def read_lines():
    for i in range(7):
        yield f"line {i}: {'ok' if i % 3 else 'error'}"


def only_errors(lines):
    for line in lines:
        if "error" in line:
            yield line


def numbered(items, start=1):
    n = start
    for item in items:
        yield n, item
        n += 1


def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


print(list(numbered(only_errors(read_lines()))))
print(list(batches(range(8), 3)), list(batches([], 2)))


async def consume(name, source, delay):
    for item in source:
        print(name, "got", item)
        await asyncio.sleep(delay)
    print(name, "finished")


async def main():
    shared = iter(range(6))
    await asyncio.gather(consume("a", shared, 0.02), consume("b", shared, 0.03))
    ticks = (t * 10 for t in range(3))
    await consume("c", ticks, 0.01)


asyncio.run(main())
results = []


def worker(gen):
    results.append(sum(gen))


t = threading.Thread(target=worker, args=((x * x for x in range(5)),))
t.start()
t.join()
print(results)
