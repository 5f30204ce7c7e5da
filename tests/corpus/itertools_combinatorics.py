# itertools product (with repeat=), permutations, combinations and combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement
import math

print(list(product("ab", [1, 2])))
print(list(product([0, 1], repeat=3)))
print(len(list(product(range(3), repeat=2))), list(product()))
sizes = ["S", "M"]
colors = ["red", "blue"]
for size, color, sleeve in product(sizes, colors, ["short", "long"]):
    print(f"{size}-{color}-{sleeve}", end=" ")
print()

print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(["".join(p) for p in permutations("dog")])
print(len(list(permutations(range(5), 3))), math.perm(5, 3))

print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1, 2], 3)), len(list(combinations(range(8), 4))), math.comb(8, 4))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([1, 2], 3)))

coins = [1, 2, 5]
ways = [c for c in combinations_with_replacement(coins, 3) if sum(c) == 8]
print("3 coins making 8:", ways)
team = ["ann", "bob", "cid", "dee"]
pairs = list(combinations(team, 2))
print(len(pairs), pairs[:3])
schedule = [f"{a} vs {b}" for a, b in permutations(team[:3], 2)]
print(schedule)

# A tiny brute-force puzzle: digits for SEND-like sum a+b=c with distinct digits.
solutions = []
for a, b, c in permutations(range(1, 10), 3):
    if a + b == c and a < b:
        solutions.append((a, b, c))
print(len(solutions), solutions[:5])
grid = list(product(range(3), range(3)))
print(grid)
print([(r, c) for r, c in grid if r == c], sum(1 for _ in product("xy", repeat=4)))
