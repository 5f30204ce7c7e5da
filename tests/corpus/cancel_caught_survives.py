# Checks a task that catches CancelledError and returns normally, and a task cancelled before its first step.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn: caught the cancel, returning anyway")
        return "survived"


async def never_started():
    try:
        print("never_started: body ran (unexpected)")
    finally:
        print("never_started: finally ran (unexpected)")


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    print("cancel() ->", t.cancel())
    result = await t
    print("result:", result, "cancelled():", t.cancelled(), "done():", t.done())
    early = asyncio.create_task(never_started())
    print("cancel before first step ->", early.cancel())
    try:
        await early
    except asyncio.CancelledError:
        print("early task cancelled():", early.cancelled())


asyncio.run(main())
