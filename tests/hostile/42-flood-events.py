# expect: limit
# says: event limit
# time_limit: 30
import asyncio

async def main():
    while True:
        await asyncio.sleep(0)

asyncio.run(main())
