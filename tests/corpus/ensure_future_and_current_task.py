# Checks ensure_future on a coroutine and on a task, and current_task() inside tasks and inline awaits.
import asyncio


async def compute(x):
    me = asyncio.current_task()
    await asyncio.sleep(0.01)
    return x * x, me


async def main():
    main_task = asyncio.current_task()
    fut = asyncio.ensure_future(compute(3))
    print("ensure_future made a task, done yet:", fut.done())
    same = asyncio.ensure_future(fut)
    print("ensure_future(task) returns it unchanged:", same == fut)
    value, ran_in = await fut
    print("value", value, "ran in its own task:", ran_in == fut, ran_in == main_task)
    value, ran_in = await compute(4)
    print("value", value, "inline await ran in main:", ran_in == main_task)
    t = asyncio.create_task(compute(5))
    value, ran_in = await t
    print("value", value, "create_task ran in t:", ran_in == t)


asyncio.run(main())
