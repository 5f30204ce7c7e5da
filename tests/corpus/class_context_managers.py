# Context managers written as classes: __enter__, __exit__, and suppressing exceptions.


class Tag:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>", exc_type.__name__ if exc_type else "")
        return False


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("suppressed", repr(exc))
            return True
        return False


with Tag("html"):
    with Tag("body") as body, Tag("p"):
        print("    text in", body.name)
with Suppress(KeyError, IndexError):
    [][3]
print("after IndexError")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
try:
    with Tag("div"):
        1 / 0
except ZeroDivisionError as e:
    print("caught", e)


def first_even(numbers):
    for n in numbers:
        with Tag(f"check {n}"):
            if n % 2 == 0:
                return n


print(first_even([1, 3, 4, 5]))
for i in range(3):
    with Tag(f"i={i}"):
        if i == 1:
            continue
        print("    body", i)
