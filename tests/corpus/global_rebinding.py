# Module functions bound once, rebound, deleted and rebound from inside their own calls.
def greet():
    return "first"


alias = greet
print(greet(), alias())


def greet():
    return "second"


print(greet(), alias())


def swap_self():
    global swap_self
    swap_self = lambda: "replaced"
    return "original"


print(swap_self(), swap_self())


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


print(recurse(50))
del recurse
try:
    recurse(1)
except NameError as e:
    print("NameError:", e)


class Shape:
    sides = 0


Shape = type("Shape", (), {"sides": 4}) if False else Shape
print(Shape.sides)

counter = 0


def bump():
    global counter
    counter += 1
    return counter


print([bump() for _ in range(3)], counter)

for attempt in range(3):
    def step(i=attempt):
        return i * 10
    print(step())

import math

print(math.sqrt(16.0))
math = None
print(math)
