# Checks create_task(name=), Task.get_name(), current_task() and the default Task-N numbering.
import asyncio


async def whoami(label):
    me = asyncio.current_task()
    await asyncio.sleep(0)
    print(label, "runs in", me.get_name())
    return me.get_name()


async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(whoami("a"))
    b = asyncio.create_task(whoami("b"), name="custom-b")
    c = asyncio.create_task(whoami("c"))
    print([t.get_name() for t in [a, b, c]])
    await asyncio.gather(a, b, c)
    names = await asyncio.gather(whoami("g1"), whoami("g2"))
    print("gather wrapped coroutines as", names)
    print("inline await stays in", await whoami("inline"))
    d = asyncio.create_task(whoami("d"), name="last")
    print(await d, asyncio.current_task().get_name())


asyncio.run(main())
