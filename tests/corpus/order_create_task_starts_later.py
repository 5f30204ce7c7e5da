# Checks that create_task only schedules: the child first runs when its creator yields (semantics case 1).
import asyncio


async def child():
    print("child start")
    await asyncio.sleep(0)
    print("child end")


async def main():
    t = asyncio.create_task(child())
    print("main after create_task")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await t
    print("main done")


asyncio.run(main())
