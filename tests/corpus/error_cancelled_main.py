# Checks that a CancelledError escaping main ends asyncio.run with an error.
import asyncio


async def main():
    me = asyncio.current_task()
    print("main cancels itself")
    me.cancel()
    try:
        await asyncio.sleep(1)
    finally:
        print("main: finally")


asyncio.run(main())
