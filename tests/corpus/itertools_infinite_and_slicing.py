# itertools count, cycle, repeat, islice (start/stop/step), chain and chain.from_iterable.
from itertools import count, cycle, repeat, islice, chain

ids = count(1000)
print(next(ids), next(ids), next(ids))
print(list(islice(count(0, 5), 6)))
print(list(islice(count(1.5, 0.25), 4)))
print(list(islice(count(10, -3), 5)))
print(list(zip(count(1), ["a", "b", "c"])))
c = count(7)
next(c)
print(repr(c), repr(count(2, 3)))

colors = cycle(["red", "green", "blue"])
print([next(colors) for _ in range(7)])
print(list(islice(cycle("ab"), 5)))
print("".join(islice(cycle("-="), 20)))
for seat, table in zip(range(1, 8), cycle("ABC")):
    print(f"guest {seat} -> table {table}")

print(list(repeat("x", 4)), list(repeat(0, 0)))
print(list(map(pow, range(6), repeat(2))))
print(list(zip("abc", repeat(True))))
print(repr(repeat("hi", 3)))

data = list(range(20))
print(list(islice(data, 5)))
print(list(islice(data, 2, 8)))
print(list(islice(data, 1, 15, 4)))
print(list(islice(data, 15, None)))
print(list(islice("abcdefg", None, None, 2)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), list(it))

print(list(chain([1, 2], (3, 4), "ab", range(2))))
print(list(chain()), list(chain([])))
nested = [[1, 2, 3], [4], [], [5, 6]]
print(list(chain.from_iterable(nested)))
print(sum(chain.from_iterable(nested)), list(chain.from_iterable(["ab", "cd"])))


def pages():
    for n in count(1):
        print("  fetching page", n)
        yield [f"item{n}.{i}" for i in range(2)]


print(list(islice(chain.from_iterable(pages()), 5)))
try:
    islice(data, -1)
except ValueError as e:
    print("ValueError:", e)
