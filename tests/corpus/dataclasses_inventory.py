# An inventory of dataclass records: sorting by fields, grouping into dicts, reports with
# asdict, and equality of records built two ways.
from dataclasses import dataclass, field, asdict


@dataclass(order=True)
class Item:
    category: str
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

    @property
    def label(self):
        return f"{self.name} @ {self.price:.2f}"


stock = [
    Item("fruit", "pear", 0.5, ["green"]),
    Item("tool", "hammer", 12.0),
    Item("fruit", "apple", 0.4, ["red", "local"]),
    Item("tool", "saw", 19.99),
]
for item in sorted(stock):
    print(item.label, item.tags)
by_category = {}
for item in stock:
    by_category.setdefault(item.category, []).append(item.name)
print(by_category)
print(asdict(stock[0]))
print(Item("fruit", "pear", 0.5, ["green"]) == stock[0], stock[1] == stock[3])
cheapest = min(stock, key=lambda i: i.price)
print(cheapest, sum(i.price for i in stock))
