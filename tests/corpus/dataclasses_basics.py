# Dataclasses: generated __init__, __repr__, __eq__, ordering, hashing of frozen classes,
# field(default_factory=), __post_init__, inheritance, asdict and astuple.
from dataclasses import dataclass, field, asdict, astuple
import dataclasses


@dataclass
class Point:
    x: int
    y: int = 0

    def dist(self):
        return abs(self.x) + abs(self.y)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    note: str = "none"

    def __post_init__(self):
        self.total = len(self.items)


@dataclass
class Point3(Point):
    z: int = 5


p = Point(1, 2)
print(p, Point(3), Point(y=4, x=1), p == Point(1, 2), p != Point(2, 2), p.dist())
print(sorted([Version(1, 2), Version(1, 0, 5), Version(0, 9)]), Version(1) < Version(1, 1))
print({Version(1): "one"}[Version(1, 0, 0)], hash(Version(2)) == hash(Version(2)))
o = Order(1, ["a", "b"])
o2 = Order(2)
o2.items.append("z")
print(o, o.total, o2, Order(3).items, asdict(o), astuple(p))
print(Point3(1, 2), Point3(1, 2, 3) == Point3(1, 2, 3), isinstance(Point3(0), Point))
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, w=2)
except TypeError as e:
    print("TypeError:", e)
try:
    {p: 1}
except TypeError as e:
    print("TypeError:", e)


@dataclasses.dataclass
class Task:
    name: str
    priority: int = 1
    tags: list = dataclasses.field(default_factory=list)


print(Task("t"), Task("u", 3, ["x"]).tags, Point.__name__)
