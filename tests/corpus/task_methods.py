# Checks Task.done(), cancelled(), result(), cancel() return values and result() of a failed or cancelled task.
import asyncio


async def value_after(delay, value):
    await asyncio.sleep(delay)
    return value


async def explode():
    await asyncio.sleep(0.01)
    raise ValueError("exploded")


async def main():
    t = asyncio.create_task(value_after(0.05, "ok"))
    print("fresh:", t.done(), t.cancelled())
    await asyncio.sleep(0.1)
    print("finished:", t.done(), t.cancelled(), t.result(), "cancel() ->", t.cancel())
    bad = asyncio.create_task(explode())
    try:
        await bad
    except ValueError as e:
        print("awaiting the failed task raised", repr(e))
    try:
        bad.result()
    except ValueError as e:
        print("result() raises it again:", e, "done:", bad.done(), "cancelled:", bad.cancelled())
    doomed = asyncio.create_task(value_after(5, "never"))
    await asyncio.sleep(0)
    print("cancel() ->", doomed.cancel(), "done right after:", doomed.done())
    await asyncio.sleep(0)
    print("one step later:", doomed.done(), doomed.cancelled())
    try:
        doomed.result()
    except asyncio.CancelledError:
        print("result() of a cancelled task raises CancelledError")


asyncio.run(main())
