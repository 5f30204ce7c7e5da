# @contextmanager: setup/teardown, exceptions from the with block caught, cleaned up with finally, re-raised.
from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")


with tag("p") as value:
    print("  inside, got", value)


@contextmanager
def swallow(kind):
    print("enter swallow")
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)
    print("exit swallow")


with swallow(ValueError):
    int("not a number")
print("after swallow")


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except Exception as e:
        log.append(f"rollback ({e})")
        raise
    finally:
        log.append("end")


log = []
with transaction(log) as t:
    t.append("update a")
try:
    with transaction(log) as t:
        t.append("update b")
        raise KeyError("b")
except KeyError as e:
    print("caller saw KeyError", e)
print(log)


@contextmanager
def cleanup_only(label):
    try:
        yield
    finally:
        print("cleanup", label)


try:
    with cleanup_only("x"):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("propagated:", e)
with cleanup_only("y"):
    pass


@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ValueError("bad divisor") from e


try:
    with translate():
        1 / 0
except ValueError as e:
    print(repr(e), "cause:", repr(e.__cause__))


@contextmanager
def never_yields():
    if False:
        yield


try:
    with never_yields():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def traced():
    print("start call")
    yield
    print("end call")


@traced()
def work(n):
    print("working on", n)
    return n * 2


print(work(3))
print(work(4))
