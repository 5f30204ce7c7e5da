# itertools takewhile, dropwhile, filterfalse, compress, starmap, pairwise and zip_longest.
from itertools import takewhile, dropwhile, filterfalse, compress, starmap, pairwise, zip_longest
import operator

readings = [1, 4, 6, 9, 3, 12, 2]
print(list(takewhile(lambda x: x < 7, readings)))
print(list(dropwhile(lambda x: x < 7, readings)))
print(list(filter(lambda x: x % 2, readings)), list(filterfalse(lambda x: x % 2, readings)))
print(list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))

log = ["# header", "# version 2", "start", "# inline", "run", "stop"]
body = list(dropwhile(lambda line: line.startswith("#"), log))
print(body)
print(list(takewhile(lambda line: line.startswith("#"), log)))

names = ["ann", "bob", "cid", "dee"]
present = [1, 0, 1, 1]
print(list(compress(names, present)), list(compress("abcdef", [1, 0, 1])))
print(list(compress(range(10), (n % 3 == 0 for n in range(10)))))

pairs = [(2, 5), (3, 2), (10, 3)]
print(list(starmap(pow, pairs)), list(starmap(operator.sub, pairs)))
print(list(starmap(lambda name, n: name * n, [("ab", 2), ("c", 3)])))
rects = [(3, 4), (5, 5), (1, 10)]
print(sum(starmap(operator.mul, rects)))

print(list(pairwise([1, 4, 9, 16, 25])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
print(list(pairwise("abc")), list(pairwise([1])), list(pairwise([])))
prices = [100, 102, 101, 105, 103]
moves = ["up" if b > a else "down" for a, b in pairwise(prices)]
print(moves)

print(list(zip_longest("abc", [1, 2])))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)))
print(list(zip_longest()))
header = ["name", "qty", "note"]
row = ["bolt", 12]
print(dict(zip_longest(header, row, fillvalue="")))
columns = [["a", "b", "c"], ["d"], ["e", "f"]]
for line in zip_longest(*columns, fillvalue="."):
    print(" ".join(line))
