# operator.itemgetter, attrgetter (dotted too) and methodcaller as keys for sorted, min, max and map.
from operator import itemgetter, attrgetter, methodcaller

rows = [("pear", 3, 0.5), ("apple", 7, 0.4), ("fig", 3, 1.2), ("kiwi", 1, 0.3)]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(1, 0)))
print(sorted(rows, key=itemgetter(2), reverse=True)[0])
first = itemgetter(0)
name_qty = itemgetter(0, 1)
print(first(rows[0]), name_qty(rows[1]), list(map(first, rows)))
print(itemgetter(-1)("abc"), itemgetter(slice(1, 3))([10, 20, 30, 40]))
people = [{"name": "ann", "age": 31}, {"name": "bob", "age": 25}, {"name": "cid", "age": 31}]
print([p["name"] for p in sorted(people, key=itemgetter("age", "name"))])
print(max(people, key=itemgetter("age")), itemgetter("name", "age")(people[1]))
print(repr(itemgetter(1)), repr(itemgetter("a", "b")))


class Address:
    def __init__(self, city, zip_code):
        self.city = city
        self.zip_code = zip_code


class Person:
    def __init__(self, name, age, city, zip_code):
        self.name = name
        self.age = age
        self.address = Address(city, zip_code)

    def greet(self, greeting="hi"):
        return f"{greeting}, {self.name}"

    def __repr__(self):
        return f"Person({self.name!r})"


staff = [
    Person("dee", 40, "Oslo", "0150"),
    Person("eve", 22, "Bergen", "5003"),
    Person("fay", 35, "Oslo", "0010"),
]
print(sorted(staff, key=attrgetter("age")))
print(sorted(staff, key=attrgetter("address.city", "name")))
city = attrgetter("address.city")
print([city(p) for p in staff], attrgetter("name", "address.zip_code")(staff[2]))
print(min(staff, key=attrgetter("address.zip_code")))
try:
    attrgetter("salary")(staff[0])
except AttributeError as e:
    print("AttributeError:", e)

words = ["  Apple ", "banana", " Cherry"]
print(list(map(methodcaller("strip"), words)))
print(list(map(methodcaller("upper"), words)))
print(list(map(methodcaller("replace", "a", "4"), words)))
print(sorted(words, key=methodcaller("strip")))
print(list(map(methodcaller("greet"), staff)), methodcaller("greet", greeting="yo")(staff[1]))
counts = [methodcaller("count", "a")(w) for w in words]
print(counts, list(map(methodcaller("split", ","), ["a,b", "c"])))
