# id: coroutine-vs-task
# title: Awaiting a coroutine versus awaiting a task
# summary: A coroutine waits until someone awaits it; a task starts by itself as soon as main pauses.
# concept: coroutine objects, tasks and when each one starts running
# notice: Calling step() only creates a coroutine object, and nothing runs. create_task wraps
#   a second call of step() in a task, which starts on its own lane the moment main pauses.
#   The coroutine starts only when main awaits it, and it runs inside main's own lane: no
#   new task appears for it. By the time main awaits the task it is already done, so that
#   await returns at once.
import asyncio
import time


async def step(name):
    print(f"{name}: step 1")
    await asyncio.sleep(0.5)
    print(f"{name}: step 2")
    return name


async def main():
    started = time.perf_counter()
    coro = step("coroutine")  # a coroutine object; its body has not started
    task = asyncio.create_task(step("task"))  # scheduled; starts when main pauses
    print("main: created both, nothing has run yet")

    await asyncio.sleep(0.3)
    print("main: after my own pause, the task has started, the coroutine has not")

    await coro  # runs the coroutine now, inside main's task
    print(f"main: the coroutine finished at {time.perf_counter() - started:.1f} s")

    print("main: is the task already done?", task.done())
    await task  # already finished: returns immediately
    print(f"main: all done at {time.perf_counter() - started:.1f} s")


asyncio.run(main())
