# Async generator cleanup: finally after break plus explicit aclose(), GeneratorExit, athrow and reuse.
import asyncio


async def stream(name, n):
    print(f"{name}: open")
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print(f"{name}: cleanup")
        await asyncio.sleep(0.01)
        print(f"{name}: closed")


async def guarded():
    try:
        yield "first"
        yield "second"
    except GeneratorExit:
        print("guarded: got GeneratorExit")
        raise


async def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("resilient: recovered from", e)
            n = -1
        n += 1


async def main():
    gen = stream("s1", 5)
    async for x in gen:
        print("value", x)
        if x == 1:
            break
    print("after break")
    await gen.aclose()
    print("after aclose")
    print(await anext(gen, "exhausted"))
    full = stream("s2", 2)
    print([x async for x in full])
    await full.aclose()
    print("aclose on finished generator is fine")
    fresh = stream("s3", 3)
    await fresh.aclose()
    print("never-started generator closed without cleanup")
    g = guarded()
    print(await anext(g))
    await g.aclose()
    r = resilient()
    print(await anext(r), await anext(r))
    print("athrow ->", await r.athrow(ValueError("bad input")))
    print(await anext(r))
    await r.aclose()
    try:
        await anext(r)
    except StopAsyncIteration:
        print("closed generator raises StopAsyncIteration")


asyncio.run(main())
