# Checks the supported builtins: range, len, sum, min, max, enumerate, zip, str, int, float, isinstance, abs, round, repr, sorted, reversed.
import asyncio


async def main():
    print([i for i in range(4)], [i for i in range(2, 5)], [i for i in range(10, 0, -3)])
    print(len([1, 2, 3]), len("four"), len({"a": 1}), len(()), len(range(5)))
    print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([]), sum(range(101)))
    print(min([4, 2, 9]), max([4, 2, 9]), min("b", "a", "c"), max(1, 7, 3))
    print(min(["pear", "fig"], key=lambda w: len(w)), max([3, -8, 5], key=lambda n: abs(n)))
    for i, letter in enumerate(["a", "b", "c"]):
        print(i, letter, end="; ")
    print()
    for i, letter in enumerate(["x", "y"], 1):
        print(i, letter, end="; ")
    print()
    for n, w, f in zip([1, 2, 3], ["one", "two", "three"], [1.0, 2.0]):
        print(n, w, f)
    print([p for p in zip("ab", [1, 2])])
    print(str(3) + str(4), int("12") * 2, int(" 7 "), float("0.25") * 4, int(float("2.9")))
    print(isinstance(1, int), isinstance(1.0, int), isinstance(True, int), isinstance("s", str))
    print(isinstance(None, int), isinstance("1", int), isinstance(False, str), isinstance(0.0, float))
    print(isinstance(2.0, float), isinstance(3, (int, float)), isinstance("3", (int, float)))
    print(abs(-3), round(2.675, 2), round(0.5), round(1.5), repr([1, "a"]), repr(None), repr(2.0))
    print(sorted([3, 1, 2]), sorted(["b", "C", "a"]), [x for x in reversed([1, 2, 3])])
    await asyncio.sleep(0)
    print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted([5, 1, 4], reverse=True))


asyncio.run(main())
