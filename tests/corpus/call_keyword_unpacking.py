# `**mapping` in calls and dict displays, and the errors CPython raises for bad ones.
def describe(name, age=0, **extra):
    print(name, age, sorted(extra.items()))


def forward(*args, **kwargs):
    describe(*args, **kwargs)


person = {"name": "Ada", "age": 36}
describe(**person)
describe("Bob", **{"city": "Oslo", "age": 7})
forward("Cy", pet="cat", **{"toy": "ball"})
defaults = {"colour": "blue", "size": 1}
merged = {**defaults, "size": 2, **{"shape": "round"}}
print(merged)
print({**{}})

for call in [
    lambda: describe(**1),
    lambda: describe(name="x", **{"name": "y"}),
    lambda: describe(**{1: 2}),
    lambda: describe(**{"age": 1}, age=2),
    lambda: print(**[1]),
    lambda: {**[("a", 1)]},
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def outer():
    def inner(**kw):
        return kw

    try:
        inner(**None)
    except TypeError as e:
        print("TypeError:", e)
    return inner(a=1, **{"b": 2})


print(outer())
