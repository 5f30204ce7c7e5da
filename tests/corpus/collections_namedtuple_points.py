# namedtuple: fields, _replace, _asdict, _fields, _make, defaults=, indexing, unpacking, subclassing.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], len(p), p._fields)
x, y = p
print(x + y, p == (3, 4), tuple(p), list(p))
q = p._replace(y=10)
print(q, p, q._asdict())
print(Point._make([7, 8]), Point(y=1, x=2))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(max([Point(2, 1), Point(1, 5)], key=lambda pt: pt.y))

Employee = namedtuple("Employee", "name role salary", defaults=["staff", 1000])
print(Employee._field_defaults)
staff = [Employee("ann"), Employee("bob", "lead"), Employee("cid", "cto", 5000)]
for e in staff:
    print(f"{e.name:<5}{e.role:<6}{e.salary:>6}")
print(sum(e.salary for e in staff), [e.name for e in staff if e.salary > 1000])
raise_all = [e._replace(salary=e.salary + 100) for e in staff]
print(raise_all[0])

Color = namedtuple("Color", "red green blue")


class Pixel(namedtuple("Pixel", "x y color")):
    def brightness(self):
        return sum(self.color) / 3

    def __str__(self):
        return f"({self.x},{self.y}) #{self.brightness():.1f}"


px = Pixel(1, 2, Color(255, 128, 0))
print(px, repr(px))
print(px.color.green, px[2][0], px.brightness())
*coords, col = px
print(coords, col)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(p, tuple), type(p).__name__, hash(Point(1, 2)) == hash((1, 2)))
print(dict(zip(Point._fields, (9, 9))), Point(*range(2)))
