# Counter: counting words and letters, most_common, arithmetic, update/subtract and missing keys.
from collections import Counter

text = "the quick brown fox jumps over the lazy dog the fox"
words = Counter(text.split())
print(words)
print(words["the"], words["fox"], words["cat"], len(words))
print(words.most_common(3))
print(words.most_common()[-2:])
letters = Counter("mississippi")
print(letters, sorted(letters.elements()))
print("".join(letters.elements()))
print(letters.total(), sum(letters.values()))

inventory = Counter({"apple": 3, "pear": 2})
delivery = Counter(apple=2, plum=5)
print(inventory + delivery)
print(inventory - delivery)
print(delivery - inventory)
print(inventory | delivery, inventory & delivery)
inventory.update(delivery)
print("after update:", inventory)
inventory.update(["pear", "pear", "kiwi"])
print("after update list:", inventory)
inventory.subtract({"apple": 10, "kiwi": 1})
print("after subtract:", inventory)
print(+inventory)
print(inventory["banana"], "banana" in inventory)
inventory["banana"] += 1
print(inventory.most_common(2))
del inventory["banana"]
print(list(inventory), list(inventory.items())[:2])

votes = ["red", "blue", "red", "green", "blue", "red"]
tally = Counter()
for v in votes:
    tally[v] += 1
winner, count = tally.most_common(1)[0]
print(f"winner {winner} with {count} of {tally.total()} votes")
print(tally == Counter(votes), Counter("ab") == Counter("ba"))
print(Counter(), repr(Counter(a=0)), Counter(a=0) + Counter())
