# Decorators with functools.wraps (__name__, __doc__, __wrapped__), retry(times=3) and stacking order.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__} args={args} kwargs={kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result

    return wrapper


def bare(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@logged
def area(width, height=1):
    """Return the area of a rectangle."""
    return width * height


@bare
def perimeter(width, height):
    """Return the perimeter."""
    return 2 * (width + height)


area(3, height=4)
print(area.__name__, "|", area.__doc__, "|", area.__wrapped__(2, 5))
print(perimeter.__name__, perimeter.__doc__, perimeter(1, 2), hasattr(perimeter, "__wrapped__"))


class TransientError(Exception):
    pass


def retry(times=3, exceptions=(TransientError,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as e:
                    print(f"  attempt {attempt}/{times} of {func.__name__} failed: {e}")
            raise RuntimeError(f"{func.__name__} failed after {times} attempts")

        return wrapper

    return decorate


calls = {"n": 0}


@retry(times=3)
def flaky(succeed_on):
    """Fails until the given attempt."""
    calls["n"] += 1
    if calls["n"] < succeed_on:
        raise TransientError(f"try {calls['n']}")
    return f"ok on call {calls['n']}"


print(flaky(3), flaky.__doc__)
calls["n"] = 0
try:
    flaky(5)
except RuntimeError as e:
    print("RuntimeError:", e)


@retry()
def broken():
    raise ValueError("not transient")


try:
    broken()
except ValueError as e:
    print("not retried:", e)


def tag(name):
    def decorate(func):
        print("decorating", func.__name__, "with", name)

        @functools.wraps(func)
        def wrapper(*args):
            return f"<{name}>{func(*args)}</{name}>"

        return wrapper

    return decorate


@tag("b")
@tag("i")
def text(s):
    return s


print(text("hi"), text.__name__, text.__wrapped__.__wrapped__("raw"))
