# Checks wait_for waiting for a cancelled child that cleans up: TimeoutError, or its value if it swallows the cancel (semantics case 7).
import asyncio


async def child(give_value):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child: caught; sleeping 0.2 more")
        await asyncio.sleep(0.2)
        if give_value:
            return "value"
        raise
    finally:
        print("child: finally")


async def main():
    loop = asyncio.get_running_loop()
    for give_value in (False, True):
        t0 = loop.time()
        try:
            print("wait_for ->", await asyncio.wait_for(child(give_value), 0.1))
        except TimeoutError:
            print("TimeoutError")
        print(f"elapsed {loop.time() - t0:.1f}")


asyncio.run(main())
