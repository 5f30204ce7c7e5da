# Checks that CancelledError reaches tasks in ready-queue order, not in cancel() order (semantics case 6).
import asyncio


async def victim(name, spin):
    try:
        if spin:
            while True:
                await asyncio.sleep(0)
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise


async def main():
    a = asyncio.create_task(victim("A(sleeping)", False))
    b = asyncio.create_task(victim("B(sleep0 loop)", True))
    await asyncio.sleep(0)
    a.cancel()
    b.cancel()
    print("main: cancelled A then B")
    await asyncio.sleep(0)
    print("main: after sleep(0)")


asyncio.run(main())
