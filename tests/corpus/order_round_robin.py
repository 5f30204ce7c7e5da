# Checks that sleep(0) passes the turn round robin between tasks in creation order (semantics case 3).
import asyncio


async def spin(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(spin(n)) for n in ["A", "B", "C"]]
    print("main: created")
    for t in tasks:
        await t
    print("main: done")


asyncio.run(main())
