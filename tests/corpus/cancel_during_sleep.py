# Checks the print order of cancel() on a sleeping task with except and finally blocks (semantics case 5).
import asyncio


async def sleeper():
    try:
        print("sleeper: sleeping")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper: except")
        raise
    finally:
        print("sleeper: finally")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("main: cancel() ->", t.cancel(), "cancelled() ->", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: CancelledError; cancelled() ->", t.cancelled())
    print("done() ->", t.done(), "cancel() again ->", t.cancel())


asyncio.run(main())
