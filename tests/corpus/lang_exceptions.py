# Checks try/except/else/finally, raise, re-raise, exception types and messages, inside coroutines.
import asyncio


def risky(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "runtime":
        raise RuntimeError("went wrong")
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {"a": 1}["missing"]
    if kind == "index":
        return [1, 2][5]
    return "fine"


async def attempt(kind):
    await asyncio.sleep(0)
    try:
        result = risky(kind)
    except ValueError as e:
        print(kind, "-> ValueError:", e)
    except (RuntimeError, ZeroDivisionError) as e:
        print(kind, "-> runtime or zero:", str(e), repr(e))
    except KeyError as e:
        print(kind, "-> KeyError:", e)
    except Exception as e:
        print(kind, "-> other:", repr(e))
    else:
        print(kind, "-> no error:", result)
    finally:
        print(kind, "-> finally")


async def reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        print("caught inner, re-raising")
        raise


def finally_wins():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


async def main():
    for kind in ["value", "runtime", "zero", "key", "index", "ok"]:
        await attempt(kind)
    try:
        await reraise()
    except ValueError as e:
        print("main saw", repr(e))
    print(finally_wins())
    try:
        try:
            raise RuntimeError("first")
        finally:
            print("inner finally")
    except RuntimeError as e:
        print("outer caught", e)
    try:
        raise Exception("base")
    except Exception as e:
        print(isinstance(e, Exception), str(e))
    err = ValueError("kept")
    try:
        raise err
    except ValueError as caught:
        print(caught == err, caught)


asyncio.run(main())
