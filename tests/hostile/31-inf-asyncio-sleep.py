# expect: limit
# says: time limit
# time_limit: 2
import asyncio
asyncio.run(asyncio.sleep(float('inf')))
