# Checks that a failing gather child does not stop its siblings, and return_exceptions=True (semantics case 8).
import asyncio


async def job(name, delay, fail=False):
    print(name, "start")
    await asyncio.sleep(delay)
    if fail:
        print(name, "raising")
        raise ValueError(name)
    print(name, "done")
    return name


async def main():
    try:
        await asyncio.gather(job("A", 0.2), job("B", 0.1, True), job("C", 0.3))
    except ValueError as e:
        print("main caught", repr(e))
    await asyncio.sleep(0.3)
    print(await asyncio.gather(job("D", 0.2), job("E", 0.1, True), return_exceptions=True))


asyncio.run(main())
