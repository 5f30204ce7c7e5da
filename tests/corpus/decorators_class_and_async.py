# Class-based decorators with __call__, decorators on methods and an async decorator for coroutines.
import asyncio
import functools


class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        print(f"{self.func.__name__} call #{self.calls}")
        return self.func(*args, **kwargs)


@CountCalls
def say(msg):
    """Say something."""
    return msg.upper()


print(say("hi"), say("there"), say.calls, say.__name__, say.__doc__)
print(type(say).__name__, callable(say))


class Limit:
    def __init__(self, max_calls):
        self.max_calls = max_calls

    def __call__(self, func):
        count = 0

        @functools.wraps(func)
        def wrapper(*args):
            nonlocal count
            if count >= self.max_calls:
                return f"{func.__name__}: limit of {self.max_calls} reached"
            count += 1
            return func(*args)

        return wrapper


@Limit(2)
def ping(host):
    return f"pong from {host}"


print([ping(h) for h in ["a", "b", "c"]])


def validate_positive(method):
    @functools.wraps(method)
    def wrapper(self, amount):
        if amount <= 0:
            raise ValueError(f"{method.__name__}: amount must be positive, got {amount}")
        return method(self, amount)

    return wrapper


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    @validate_positive
    def deposit(self, amount):
        self.balance += amount
        return self.balance

    @validate_positive
    def withdraw(self, amount):
        self.balance -= amount
        return self.balance


acct = Account("zoe")
print(acct.deposit(50), acct.withdraw(20), Account.deposit.__name__)
try:
    acct.withdraw(-5)
except ValueError as e:
    print("ValueError:", e)


def async_logged(label):
    def decorate(coro_func):
        @functools.wraps(coro_func)
        async def wrapper(*args, **kwargs):
            print(f"[{label}] start {coro_func.__name__}{args}")
            try:
                result = await coro_func(*args, **kwargs)
            except Exception as e:
                print(f"[{label}] {coro_func.__name__} raised {e!r}")
                raise
            print(f"[{label}] end {coro_func.__name__} -> {result}")
            return result

        return wrapper

    return decorate


@async_logged("net")
async def fetch(url, delay):
    await asyncio.sleep(delay)
    if "bad" in url:
        raise ConnectionError(url)
    return len(url)


async def main():
    print(await fetch("example.org", 0.01))
    results = await asyncio.gather(fetch("a.io", 0.03), fetch("bad.io", 0.01), return_exceptions=True)
    print(results)
    print(fetch.__name__, asyncio.iscoroutinefunction(fetch))


asyncio.run(main())
