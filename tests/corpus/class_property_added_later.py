# A property set on a base class after a subclass and its instances exist: reading the name
# on those instances goes through the property from then on, as in CPython.
class Base:
    pass


class Child(Base):
    def __init__(self):
        self.size = 3


class Grandchild(Child):
    pass


c = Child()
g = Grandchild()
print(c.size, g.size)
Base.size = property(lambda self: 42)
print(c.size, g.size)


class Shape:
    @property
    def area(self):
        return 7


class Square(Shape):
    area = 9


class Circle(Shape):
    pass


print(Square().area, Circle().area, Shape().area)
Circle.area = property(lambda self: 3.14)
print(Circle().area, Shape().area)
