# A small report built from itertools: batching with islice, running totals, groups and pairs.
from itertools import islice, accumulate, groupby, chain, count, pairwise, zip_longest, starmap
import operator

transactions = [
    ("2024-01", "food", 30),
    ("2024-01", "rent", 500),
    ("2024-01", "food", 12),
    ("2024-02", "food", 41),
    ("2024-02", "fun", 60),
    ("2024-03", "rent", 500),
    ("2024-03", "food", 25),
]


def batched(iterable, n):
    it = iter(iterable)
    while True:
        batch = list(islice(it, n))
        if not batch:
            return
        yield batch


for number, batch in zip(count(1), batched(transactions, 3)):
    print("batch", number, [t[2] for t in batch])

monthly = []
for month, rows in groupby(transactions, key=operator.itemgetter(0)):
    monthly.append((month, sum(r[2] for r in rows)))
print(monthly)
running = list(accumulate(total for _, total in monthly))
print("running:", running)
for (m1, t1), (m2, t2) in pairwise(monthly):
    change = t2 - t1
    print(f"{m1} -> {m2}: {change:+d}")

by_cat = sorted(transactions, key=operator.itemgetter(1))
summary = {cat: sum(r[2] for r in rows) for cat, rows in groupby(by_cat, key=operator.itemgetter(1))}
print(summary)
left = [f"{k}" for k in summary]
right = [f"{v:>5}" for v in summary.values()][:2]
for a, b in zip_longest(left, right, fillvalue="  n/a"):
    print(f"{a:<6}|{b}")
amounts = [r[2] for r in transactions]
weights = [1, 0.5, 1, 1, 0.5, 1, 1]
print(sum(starmap(operator.mul, zip(amounts, weights))))
print(list(chain(["TOTAL"], [sum(amounts)], ["END"])))
