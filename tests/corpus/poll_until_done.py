# Checks a while loop polling Task.done() with short sleeps, with break, continue and a counter.
import asyncio


async def background():
    await asyncio.sleep(0.2)
    return "background result"


async def main():
    t = asyncio.create_task(background())
    polls = 0
    while True:
        polls += 1
        if not t.done():
            await asyncio.sleep(0.02)
            continue
        break
    print("result:", t.result(), "polled more than 5 times:", polls > 5, "fewer than 15:", polls < 15)


asyncio.run(main())
