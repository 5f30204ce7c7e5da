# itertools accumulate (sum, operator.mul, max, initial=) and groupby on sorted data with key=.
from itertools import accumulate, groupby
import operator

sales = [3, 1, 4, 1, 5, 9, 2, 6]
print(list(accumulate(sales)))
print(list(accumulate(sales, operator.mul)))
print(list(accumulate(sales, max)))
print(list(accumulate(sales, min)))
print(list(accumulate(sales, initial=100)))
print(list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))
balance = list(accumulate([50, -20, -40, 100, -30], lambda acc, x: max(acc + x, 0), initial=0))
print("balance:", balance)
print(list(accumulate(range(1, 6), operator.mul)))

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(sorted(words), key=lambda w: w[0]):
    print(letter, list(group))
print([(k, len(list(g))) for k, g in groupby("aaabccddddae")])
print(["".join(g) for _, g in groupby("mississippi")])

records = [
    ("eng", "ann", 120),
    ("ops", "bob", 90),
    ("eng", "cid", 100),
    ("ops", "dee", 95),
    ("hr", "eve", 70),
]
records.sort(key=operator.itemgetter(0))
for dept, rows in groupby(records, key=operator.itemgetter(0)):
    rows = list(rows)
    total = sum(r[2] for r in rows)
    print(f"{dept:<4} n={len(rows)} total={total} names={[r[1] for r in rows]}")

temps = [12, 14, 15, 13, 8, 7, 9, 16, 18]
runs = [(warm, list(g)) for warm, g in groupby(temps, key=lambda t: t >= 10)]
print(runs)
groups = groupby([1, 1, 2, 3, 3, 3])
first_key, first_group = next(groups)
print(first_key, list(first_group))
second_key, second_group = next(groups)
print(second_key, list(second_group), [k for k, _ in groups])
print(max(((k, len(list(g))) for k, g in groupby("aabbbbcc")), key=operator.itemgetter(1)))
