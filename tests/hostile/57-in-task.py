# expect: error
# says: MemoryError
import asyncio

async def grow():
    return [0] * 10**9

async def main():
    await asyncio.gather(grow())

asyncio.run(main())
