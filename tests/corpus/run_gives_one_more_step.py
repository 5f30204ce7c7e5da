# Checks that when main returns, an already-queued task gets one more step before shutdown cancels it (semantics case 14).
import asyncio


async def ticker():
    i = 0
    try:
        while True:
            print("tick", i)
            i += 1
            await asyncio.sleep(0)
    finally:
        print("ticker finally")


async def main():
    global t
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("run returned; ticker cancelled:", t.cancelled())
