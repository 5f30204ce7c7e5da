# Comprehension variables live in the comprehension, as in Python 3; the walrus binds outside.
x = "module x"
squares = [x * x for x in range(5)]
print(squares, x)

grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)


def running_totals(values):
    total = 0
    seen = [total := total + v for v in values]
    return seen, total


print(running_totals([3, 1, 4, 1, 5]))


def shadow():
    item = "kept"
    upper = {item.upper() for item in ["a", "b", "a"]}
    lookup = {k: v for k, v in zip("xyz", range(3)) if v != 1}
    return item, sorted(upper), lookup


print(shadow())


class Table:
    rows = [n * 10 for n in range(3)]
    width = len(rows)


print(Table.rows, Table.width, hasattr(Table, "n"))

pairs = [(a, b) for a, *rest in [(1, 2, 3), (4, 5)] for b in rest]
print(pairs)

matrix = [[1, 2], [3, 4]]
print([matrix[i][j] + matrix[j][i] for i in range(2) for j in range(2)])
counts = [0, 0, 0]
for i in range(9):
    counts[i % 3] += i
print(counts)
try:
    print(a)
except NameError as error:
    print("NameError:", error)
