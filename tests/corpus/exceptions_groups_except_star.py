# ExceptionGroup and except* (3.11): splitting by type, nested groups, leftovers and gathered task errors.
import asyncio

try:
    raise ExceptionGroup("several", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("values:", repr(eg.exceptions), "| message:", eg.message)
except* TypeError as eg:
    print("types:", repr(eg.exceptions), repr(eg))

eg = ExceptionGroup("batch", [KeyError("k"), ValueError("v"), ExceptionGroup("inner", [ValueError("w"), OSError("o")])])
print(str(eg), "|", len(eg.exceptions))
print(repr(eg))
match_, rest = eg.split(ValueError)
print("split match:", repr(match_))
print("split rest:", repr(rest))
print("subgroup:", repr(eg.subgroup(lambda e: isinstance(e, (KeyError, OSError)))))
print("no match:", eg.subgroup(ZeroDivisionError))

try:
    try:
        raise ExceptionGroup("jobs", [ValueError("x"), ZeroDivisionError("y")])
    except* ValueError as handled:
        print("handled inside:", repr(handled.exceptions))
except ExceptionGroup as leftover:
    print("left over:", repr(leftover))

try:
    raise KeyError("naked")
except* KeyError as eg:
    print("bare exception wrapped:", repr(eg))

try:
    try:
        raise ExceptionGroup("nested", [ExceptionGroup("deep", [ValueError(1)]), ValueError(2)])
    except* ValueError as eg:
        print("nested match:", repr(eg))
        raise RuntimeError("handler failed")
except ExceptionGroup as e:
    print("from handler:", repr(e))
except RuntimeError as e:
    print("plain RuntimeError from handler:", e, "| context:", repr(e.__context__))

try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
print(type(BaseExceptionGroup("base", [KeyboardInterrupt()])).__name__,
      type(BaseExceptionGroup("base", [ValueError()])).__name__)


async def job(n):
    await asyncio.sleep(0.01 * n)
    if n % 2:
        raise ValueError(f"job {n} odd")
    if n == 4:
        raise OSError(f"job {n} io")
    return n


async def main():
    results = await asyncio.gather(*(job(n) for n in range(1, 6)), return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    print("ok:", [r for r in results if not isinstance(r, Exception)])
    try:
        raise ExceptionGroup("jobs failed", failures)
    except* ValueError as eg:
        print(len(eg.exceptions), "value errors:", [str(e) for e in eg.exceptions])
    except* OSError as eg:
        print("os errors:", [str(e) for e in eg.exceptions])


asyncio.run(main())
