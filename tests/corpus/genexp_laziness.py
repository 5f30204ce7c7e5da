# Generator expressions are lazy: each item is computed when it is asked for.
import itertools


def noisy(x):
    print("checking", x)
    return x > 1


print(any(noisy(x) for x in [0, 2, 5, 7]))
print(all(noisy(x) for x in [3, 0, 9]))
print(next(n for n in itertools.count(1) if n * n > 50))

squares = (n * n for n in range(4))
print(next(squares), next(squares))
print(list(squares), list(squares))


def pipeline(words):
    stripped = (w.strip() for w in words)
    upper = (w.upper() for w in stripped if w)
    return list(zip(itertools.count(), upper))


print(pipeline([" a", "", "b ", "c"]))


def scale(k):
    return sum(x * k for x in range(5)), max(len(w) + k for w in ["ab", "abc"])


print(scale(3))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
print(", ".join(str(n) for n in range(3)))
try:
    (x for x in 5)
except TypeError as error:
    print("TypeError:", error)


def first_failure(values):
    return next((v for v in values if v < 0), None)


print(first_failure([3, -1, -4]), first_failure([1]))
gen = (c for c in "ab")
print(type(gen).__name__, gen.__name__)
