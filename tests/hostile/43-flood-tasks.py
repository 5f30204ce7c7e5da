# expect: limit
# says: tasks
import asyncio

async def nap():
    await asyncio.sleep(1)

async def main():
    for _ in range(100_000):
        asyncio.create_task(nap())
    await asyncio.sleep(1)

asyncio.run(main())
