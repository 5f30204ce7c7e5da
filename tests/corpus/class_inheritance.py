# Inheritance: overriding, super(), the C3 method order and isinstance/issubclass.


class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"


class Dog(Animal):
    def speak(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (squeaky)"


for pet in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(pet.describe(), type(pet).__name__)
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), isinstance(Puppy("a", 2), Dog))
print([c.__name__ for c in Puppy.__mro__])


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
print(D.__bases__, issubclass(D, (int, C)))


class Base:
    registry = []

    def __init__(self):
        Base.registry.append(type(self).__name__)


class Left(Base):
    pass


class Right(Base):
    def __init__(self):
        super().__init__()
        self.side = "right"


Left()
r = Right()
print(Base.registry, r.side, Left.registry is Base.registry)


class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} has no area")

    def __str__(self):
        return f"{type(self).__name__} with {self.sides} sides"


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


print(str(Square(3)), Square(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
