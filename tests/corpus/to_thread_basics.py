# Checks asyncio.to_thread: positional arguments, the return value, an exception raised in the thread re-raised at the await, and the loop staying free meanwhile.
import asyncio
import threading
import time


def combine(a, b, seconds):
    time.sleep(seconds)
    return f"{a}+{b}={a + b} in {threading.current_thread().name}"


def broken(seconds):
    time.sleep(seconds)
    raise KeyError("missing-key")


async def nudge():
    await asyncio.sleep(0.1)
    print("the loop ran another task meanwhile")


async def main():
    other = asyncio.create_task(nudge())
    print(await asyncio.to_thread(combine, 2, 3, 0.2))
    await other
    try:
        await asyncio.to_thread(broken, 0.05)
    except KeyError as err:
        print("caught from the thread:", repr(err))
    print(await asyncio.to_thread(combine, "a", "b", 0.0))


asyncio.run(main())
