# Checks assert, global, augmented assignment and tuple unpacking.
import asyncio

counter = 0
log = []


def bump(by=1):
    global counter
    counter += by
    log.append(counter)


async def worker(name, times):
    global counter
    for _ in range(times):
        bump()
        await asyncio.sleep(0)
    counter *= 1
    print(name, "finished at", counter)


async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2))
    print("counter", counter, "log", log)
    x = 10
    x += 5
    x -= 3
    x *= 2
    x //= 5
    x **= 2
    x %= 7
    print("x", x)
    f = 1.0
    f /= 4
    f += 0.5
    print("f", f)
    s = "ab"
    s += "cd"
    s *= 2
    items = [1]
    items += [2, 3]
    print(s, items)
    a, b = 1, 2
    a, b = b, a
    (c, d), e = (3, 4), 5
    first, second, third = "xyz"
    print(a, b, c, d, e, first, second, third)
    for i, (key, value) in enumerate([("k1", "v1"), ("k2", "v2")]):
        print(i, key, value)
    assert x == 2
    assert counter == 5, "counter should be five"
    try:
        assert a < b, f"a={a} is not less than b={b}"
    except AssertionError as err:
        print("assertion failed:", err)
    try:
        assert False
    except AssertionError as err:
        print("bare assertion:", repr(err))


asyncio.run(main())
