# Checks gather with *aws, mixed tasks and coroutines, argument-order results and return_exceptions.
import asyncio


async def fetch(n, delay):
    await asyncio.sleep(delay)
    print("fetched", n)
    return n * 10


async def fail(msg, delay):
    await asyncio.sleep(delay)
    print("failing", msg)
    raise RuntimeError(msg)


async def main():
    print(await asyncio.gather())
    coros = [fetch(n, 0.05 * (4 - n)) for n in range(4)]
    print(await asyncio.gather(*coros))
    t = asyncio.create_task(fetch(9, 0.02))
    print(await asyncio.gather(fetch(1, 0.04), t, fetch(2, 0.01)))
    mixed = [fetch(5, 0.03), fail("oops", 0.01), fetch(6, 0.02), fail("again", 0.05)]
    results = await asyncio.gather(*mixed, return_exceptions=True)
    for r in results:
        print(type_name(r), r)
    print(await asyncio.gather(fetch(7, 0), return_exceptions=False))


def type_name(value):
    if isinstance(value, Exception):
        return "error:"
    return "value:"


asyncio.run(main())
