# Class methods as alternative constructors, a registry filled by subclasses, counters kept on
# the class, and properties computed from other attributes.


class Shape:
    registry = {}
    created = 0

    def __init__(self, name):
        self.name = name
        Shape.created += 1

    @classmethod
    def register(cls, kind):
        def decorate(sub):
            cls.registry[kind] = sub
            return sub
        return decorate

    @classmethod
    def make(cls, kind, *args):
        return cls.registry[kind](*args)

    @property
    def label(self):
        return f"{self.name} ({type(self).__name__.lower()})"


@Shape.register("rect")
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    @classmethod
    def square(cls, side):
        return cls(side, side)

    @property
    def area(self):
        return self.w * self.h


@Shape.register("circle")
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)


shapes = [Shape.make("rect", 2, 3), Rect.square(4), Shape.make("circle", 1)]
for s in shapes:
    print(s.label, s.area)
print(sorted(Shape.registry), Shape.created, Rect.created, [type(s).__name__ for s in shapes])
print(max(shapes, key=lambda s: s.area).label, sum(s.area for s in shapes))
try:
    Shape.make("triangle")
except KeyError as e:
    print("KeyError:", e)
