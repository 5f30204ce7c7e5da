# Checks that awaiting a coroutine runs it inline without yielding, while awaiting a task lets others run.
import asyncio

events = []


async def ticker():
    for i in range(6):
        events.append(f"tick{i}")
        await asyncio.sleep(0)


async def no_wait(label):
    events.append(label)
    return label


async def main():
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    events.append("main: before coroutines")
    await no_wait("coro1")
    await no_wait("coro2")
    events.append("main: coroutines done, no tick in between")
    await asyncio.create_task(no_wait("task1"))
    events.append("main: after awaiting task1")
    coro = no_wait("made early")
    events.append("main: coroutine object made, nothing ran")
    await coro
    await tk
    print("\n".join(events))


asyncio.run(main())
