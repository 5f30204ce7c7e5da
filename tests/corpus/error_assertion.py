# Checks an uncaught AssertionError with a message raised inside a task awaited by main.
import asyncio


async def check_balance(balance):
    await asyncio.sleep(0)
    assert balance >= 0, f"balance went negative: {balance}"
    return balance


async def main():
    print("first check:", await asyncio.create_task(check_balance(10)))
    print("second check:", await asyncio.create_task(check_balance(-5)))


asyncio.run(main())
