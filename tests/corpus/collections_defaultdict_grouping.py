# defaultdict with list, int and a nested lambda factory: grouping, counting and a two-level tally.
from collections import defaultdict

orders = [
    ("alice", "book", 12),
    ("bob", "pen", 2),
    ("alice", "pen", 3),
    ("carol", "book", 15),
    ("bob", "lamp", 30),
    ("alice", "lamp", 28),
]

by_customer = defaultdict(list)
for customer, item, price in orders:
    by_customer[customer].append(item)
print(by_customer)
print(dict(by_customer), len(by_customer))

spent = defaultdict(int)
for customer, _, price in orders:
    spent[customer] += price
print(spent)
print(spent["dave"], "dave" in spent, sorted(spent.items()))

tally = defaultdict(lambda: defaultdict(int))
for customer, item, _ in orders:
    tally[item][customer] += 1
tally["book"]["alice"] += 1
for item, counts in tally.items():
    print(item, dict(counts))
print({k: dict(v) for k, v in tally.items()})

word_positions = defaultdict(list)
text = "the cat and the hat and the bat"
for pos, word in enumerate(text.split()):
    word_positions[word].append(pos)
for word in sorted(word_positions):
    print(f"{word:>4}: {word_positions[word]}")

plain = defaultdict()
print(plain.default_factory)
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
counts = defaultdict(int, {"x": 5})
counts["y"] += 2
print(counts, counts.get("z"), "z" in counts)
print(isinstance(counts, dict), counts.default_factory)
counts.default_factory = list
counts["z"].append(1)
print(dict(counts))
