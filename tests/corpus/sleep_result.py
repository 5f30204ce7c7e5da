# Checks asyncio.sleep's result= argument, sleep(0) and negative delays, and sequential sleep totals.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, result="instant"))
    print(await asyncio.sleep(0.05, result=[1, 2]))
    print(await asyncio.sleep(-1, result="negative delay is sleep(0)"))
    value = await asyncio.sleep(0.01, result="keyword result")
    print(value)
    start = loop.time()
    for _ in range(5):
        await asyncio.sleep(0.04)
    print(f"five sleeps of 0.04 s took {loop.time() - start:.1f} s")
    start = loop.time()
    results = await asyncio.gather(*[asyncio.sleep(0.2, result=i) for i in range(5)])
    print(results, f"in {loop.time() - start:.1f} s")


asyncio.run(main())
