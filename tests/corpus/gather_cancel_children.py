# Checks that cancelling a task awaiting gather() cancels the unfinished children in argument order.
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def collector():
    try:
        return await asyncio.gather(child("A", 5), child("B", 0.01), child("C", 5), child("D", 5))
    except asyncio.CancelledError:
        print("collector: gather was cancelled")
        raise


async def main():
    t = asyncio.create_task(collector())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: collector cancelled:", t.cancelled())
    g = asyncio.gather(child("X", 0.05), child("Y", 0.01), return_exceptions=True)
    print("gathered with return_exceptions:", await g)


asyncio.run(main())
