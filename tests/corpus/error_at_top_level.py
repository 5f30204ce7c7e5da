# Checks an exception raised by plain module-level code after asyncio.run has returned.
import asyncio


async def main():
    await asyncio.sleep(0.01)
    return {"ready": True}


state = asyncio.run(main())
print("state:", state)
print("looking up a missing key")
print(state["missing"])
