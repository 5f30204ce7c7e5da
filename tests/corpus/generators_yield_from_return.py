# yield from: delegating to sub-generators, capturing their return values, and send() passing through.
def read_block(name, lines):
    count = 0
    for line in lines:
        yield f"{name}: {line}"
        count += 1
    return count


def read_all(blocks):
    totals = {}
    for name, lines in blocks.items():
        totals[name] = yield from read_block(name, lines)
    return totals


gen = read_all({"a": ["x", "y"], "b": [], "c": ["z"]})
while True:
    try:
        print(next(gen))
    except StopIteration as stop:
        print("totals:", stop.value)
        break


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))


def chain_all(*iterables):
    for it in iterables:
        yield from it


print(list(chain_all("ab", range(3), (x * 10 for x in range(2)), {"k": 1})))


def adder():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def session():
    print("session start")
    first = yield from adder()
    print("first adder returned", first)
    second = yield from adder()
    print("second adder returned", second)
    return first + second


s = session()
print(next(s))
print(s.send(5), s.send(7))
print(s.send(None))
print(s.send(100))
try:
    s.send(None)
except StopIteration as stop:
    print("session result", stop.value)


def plain():
    return "early"
    yield


def outer():
    result = yield from plain()
    yield f"inner returned {result!r}"
    result = yield from iter([1, 2])
    yield f"iterator gives {result!r}"


print(list(outer()))
g = plain()
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, "args:", e.args)
