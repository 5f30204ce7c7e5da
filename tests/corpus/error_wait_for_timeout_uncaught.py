# Checks that an uncaught TimeoutError from wait_for ends the program after the child's cleanup ran.
import asyncio


async def forever():
    try:
        await asyncio.sleep(10)
    finally:
        print("forever: cleaned up")


async def main():
    print("waiting at most 0.1 s")
    await asyncio.wait_for(forever(), 0.1)


asyncio.run(main())
