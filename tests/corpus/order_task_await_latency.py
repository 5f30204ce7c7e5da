# Checks that a task awaiting another task resumes one loop iteration after it finishes (semantics case 4).
import asyncio


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def worker():
    print("worker step 1")
    await asyncio.sleep(0)
    print("worker returns")
    return 42


async def waiter(t):
    print("waiter awaits")
    print("waiter got", await t)


async def main():
    tk = asyncio.create_task(ticker())
    t = asyncio.create_task(worker())
    asyncio.create_task(waiter(t))
    await tk


asyncio.run(main())
