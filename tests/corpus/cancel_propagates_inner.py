# Checks that cancelling a task which awaits another task cancels the inner one first.
import asyncio
from asyncio import CancelledError


async def inner():
    try:
        await asyncio.sleep(5)
    except CancelledError:
        print("inner: cancelled, cleaning up")
        raise
    finally:
        print("inner: finally")


async def outer(child):
    try:
        await child
    except CancelledError:
        print("outer: cancelled after inner; inner.cancelled() =", child.cancelled())
        raise


async def main():
    child = asyncio.create_task(inner())
    parent = asyncio.create_task(outer(child))
    await asyncio.sleep(0.01)
    parent.cancel()
    print("main: cancelled the outer task")
    try:
        await parent
    except CancelledError:
        print("main: outer cancelled:", parent.cancelled(), "inner cancelled:", child.cancelled())


asyncio.run(main())
