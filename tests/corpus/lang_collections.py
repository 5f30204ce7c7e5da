# Checks lists, tuples and dicts with their supported methods, indexing and printed forms.
import asyncio


async def main():
    xs = [5, 3, 8]
    xs.append(1)
    xs.extend([9, 2])
    xs.insert(0, 7)
    print(xs, len(xs), xs[0], xs[-1], xs.index(8))
    last = xs.pop()
    first = xs.pop(0)
    print(last, first, xs)
    xs.sort()
    print(xs)
    xs.sort(reverse=True)
    print(xs)
    words = ["pear", "fig", "banana", "kiwi"]
    words.sort(key=lambda w: len(w))
    print(words, sorted(words), sorted(xs, reverse=True))
    print([x for x in reversed(xs)], sorted(words, key=lambda w: w[-1]))
    xs[1] = 100
    print(xs, [1, 2] + [3], [0] * 3, [], 3 in xs, 100 in xs)
    pair = (1, "one")
    single = (2,)
    print(pair, single, (), pair[1], len(pair), (1, 2) == (1, 2))
    ages = {"ann": 31, "bob": 25}
    ages["cid"] = 40
    ages["ann"] = 32
    print(ages, len(ages), ages["bob"], "bob" in ages, "dan" in ages)
    print(ages.get("dan"), ages.get("dan", 0), ages.get("ann", 0))
    print([k for k in ages.keys()], [v for v in ages.values()], [kv for kv in ages.items()])
    groups = {}
    for word in words:
        groups.setdefault(len(word), []).append(word)
    print(groups)
    total = 0
    for name, age in ages.items():
        total += age
    print("total age", total)
    nested = {"points": [(0, 0), (1, 2)], "empty": {}, "none": None, "flag": True}
    print(nested)
    await asyncio.sleep(0)
    grid = [[0, 1], [2, 3]]
    grid[1][0] = 9
    print(grid, grid[1], sum(grid[0]))


asyncio.run(main())
