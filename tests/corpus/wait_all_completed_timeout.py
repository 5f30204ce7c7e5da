# Checks asyncio.wait with ALL_COMPLETED and timeout=: it returns on timeout without cancelling anything.
import asyncio
from asyncio import ALL_COMPLETED


async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return delay


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(f"job{i}", 0.1 * i), name=f"job{i}") for i in range(1, 5)]
    start = loop.time()
    done, pending = await asyncio.wait(tasks, timeout=0.25, return_when=ALL_COMPLETED)
    elapsed = loop.time() - start
    print("returned at the timeout:", 0.25 <= elapsed < 0.3, len(done), "done,", len(pending), "pending")
    print("pending:", sorted([t.get_name() for t in pending]))
    print("cancelled any:", [t.cancelled() for t in tasks])
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(f"after {loop.time() - start:.1f} s:", len(done), "done,", len(pending), "pending")
    print("sum of results:", round(sum([t.result() for t in tasks]), 2))
    done, pending = await asyncio.wait(tasks, timeout=0)
    print("waiting on finished tasks:", len(done), len(pending))


asyncio.run(main())
