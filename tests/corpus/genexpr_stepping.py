# A generator expression stepped by next(), send(), throw() and close(), failing midway, nested
# clauses, and a genexpr that steps itself: each as CPython's generator object behaves.
g = (x * y for x in range(3) if x for y in range(x) if y >= 0)
print(g.__name__, type(g).__name__, list(g), list(g))
h = (c for c in "abc")
print(next(h), h.send(5), next(h), next(h, "end"))
k = (1 / x for x in [1, 0, 2])
print(next(k))
try:
    next(k)
except ZeroDivisionError as e:
    print("zde", e)
print(next(k, "finished"))
m = (x for x in range(5))
try:
    m.send(3)
except TypeError as e:
    print(e)
print(next(m))
try:
    m.throw(ValueError("boom"))
except ValueError as e:
    print("thrown", e)
print(list(m))
n = (x for x in range(3))
n.close()
print(list(n))
def outer(k):
    return list(v + k for v in range(3))
print(outer(10))
me = None
me = (next(me) for _ in range(2))
try:
    next(me)
except ValueError as e:
    print(e)
nested = ((a, b) for a in range(2) for b in (a, a + 1))
print(list(nested))
print(sum(1 for _ in (y for y in range(10) if y % 3 == 0)))
