# Checks that an exception in a gathered task propagates out of asyncio.run while siblings already printed.
import asyncio


async def worker(name, delay, fail):
    print(name, "working")
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} broke after {delay} s")
    print(name, "ok")


async def main():
    await asyncio.gather(worker("w1", 0.05, False), worker("w2", 0.1, True), worker("w3", 0.3, False))


asyncio.run(main())
