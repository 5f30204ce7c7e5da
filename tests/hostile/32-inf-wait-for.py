# expect: ok
# says: finished\n
import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(0.1), 1e300)
    print('finished')

asyncio.run(main())
