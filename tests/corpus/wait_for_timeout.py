# Checks wait_for: a result in time, a timeout that cancels the child, timeout=None, and asyncio.TimeoutError.
import asyncio


async def slow(label, delay):
    try:
        await asyncio.sleep(delay)
        print(label, "finished")
        return label
    except asyncio.CancelledError:
        print(label, "was cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow("quick", 0.05), timeout=1))
    start = loop.time()
    try:
        await asyncio.wait_for(slow("sluggish", 5), 0.2)
    except TimeoutError:
        print(f"TimeoutError after {loop.time() - start:.1f} s")
    task = asyncio.create_task(slow("as task", 5))
    try:
        await asyncio.wait_for(task, 0.1)
    except asyncio.TimeoutError:
        print("asyncio.TimeoutError; task cancelled:", task.cancelled(), "done:", task.done())
    print(await asyncio.wait_for(slow("no limit", 0.05), None))
    try:
        await asyncio.wait_for(slow("zero", 0.01), 0)
    except TimeoutError:
        print("a zero timeout never starts the coroutine")


asyncio.run(main())
