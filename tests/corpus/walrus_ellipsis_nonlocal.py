# The walrus operator, `...`, and `nonlocal` counters and closures.
def stub():
    ...


print(stub(), ..., repr(...), ... is Ellipsis, bool(...))
print({...: "dots"}[...])

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"{n} items")
big = [y for x in data if (y := x * 2) > 6]
print(big, y)
while (item := data.pop()) != 1:
    print("popped", item)
print("stopped at", item, "leaving", data)


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump


counter = make_counter()
counter()
counter(5)
print("counter:", counter())


def outer():
    total = 0

    def middle():
        def inner():
            nonlocal total
            total += 10

        inner()
        inner()

    middle()
    return total


print("outer:", outer())


def accumulate():
    seen = []
    last = None

    def add(x):
        nonlocal last
        seen.append(x)
        last = x

    for x in "abc":
        add(x)
    return seen, last


print(accumulate())
