# Containers that contain themselves or nest very deeply: reprs show [...] and {...},
# comparisons answer by identity first, too deep a nesting is a RecursionError, and deep
# structures are freed without exhausting the stack (the unit tests free a million levels).
import asyncio


def attempt(label, f):
    try:
        text = repr(f())
        print(label, "->", text[:70], len(text) if len(text) > 70 else "")
    except Exception as e:
        print(label, "->", repr(e))


def nested(depth, wrap):
    x = wrap(None)
    for _ in range(depth):
        x = wrap(x)
    return x


pair = [1, 2]
attempt("pair < pair", lambda: pair < pair)
attempt("pair <= pair", lambda: pair <= pair)
attempt("pair == pair", lambda: pair == pair)

x = []
x.append(x)
y = []
y.append(y)
attempt("x", lambda: x)
attempt("str(x)", lambda: str(x))
attempt("f'{x}'", lambda: f"{x}")
attempt("x == x", lambda: x == x)
attempt("x < x", lambda: x < x)
attempt("x <= x", lambda: x <= x)
attempt("x in x", lambda: x in x)
attempt("x.count(x)", lambda: x.count(x))
attempt("x.index(x)", lambda: x.index(x))
attempt("x == y", lambda: x == y)
attempt("x < y", lambda: x < y)
attempt("x * 2", lambda: x * 2)
attempt("(x, x)", lambda: (x, x))

d = {}
d["a"] = d
d2 = {}
d2["a"] = d2
attempt("d", lambda: d)
attempt("d == d", lambda: d == d)
attempt("d == d2", lambda: d == d2)
attempt("[d, x]", lambda: [d, x])
holder = []
holder.append({"k": holder})
attempt("holder", lambda: holder)
t = ([],)
t[0].append(t)
attempt("t", lambda: t)

b = [1, 2, 3]
b[:] = b
attempt("b[:] = b", lambda: b)
b = [1, 2, 3]
b[1:2] = b
attempt("b[1:2] = b", lambda: b)
b = [1, 2, 3]
b[::2] = [9, 8]
attempt("b[::2] = [9, 8]", lambda: b)
b = [1, 2, 3]
b[::-1] = b
attempt("b[::-1] = b", lambda: b)


def short_extended_slice():
    c = [1, 2, 3]
    c[::2] = [9]


attempt("c[::2] = [9]", short_extended_slice)


def not_iterable():
    c = [1, 2, 3]
    c[0:1] = 5


attempt("c[0:1] = 5", not_iterable)


def dict_slice():
    e = {}
    e[1:2] = 3


attempt("e[1:2] = 3", dict_slice)
b = [1, 2, 3, 4, 5, 6]
del b[::2]
attempt("del b[::2]", lambda: b)
del b[1:]
attempt("del b[1:]", lambda: b)
b = [1, 2, 3]
b[5:] = [9]
b[-100:1] = []
attempt("b[5:] = [9]; b[-100:1] = []", lambda: b)
b = [1, 2]
b += b
attempt("b += b", lambda: b)
b.extend(b)
attempt("b.extend(b)", lambda: b)
b = [1, 2]
b *= 3
attempt("b *= 3", lambda: b)
m = {"a": 1}
m.update(m)
attempt("m.update(m)", lambda: m)
m = {1: "a"}
m[1.0] = "b"
m.update({True: "c"})
attempt("keys keep their first form", lambda: m)

z = [3, 1, 2]
z.sort(key=lambda v: len(z) + v)
attempt("a key sees the list empty", lambda: z)


def grow_while_sorting():
    z.sort(key=lambda v: z.append(v) or v)


z = [3, 1, 2]
attempt("growing during sort", grow_while_sorting)
attempt("after growing", lambda: z)
z = [3, 1, 2]
attempt("a failing key", lambda: z.sort(key=lambda v: z.index(v)))
attempt("after the failing key", lambda: z)
k = [None]
k[0] = k
attempt("sorted([k, k])", lambda: sorted([k, k]))
attempt("max([k, [k]])", lambda: max([k, [k]]))

deep = nested(5000, lambda v: [v])
other = nested(5000, lambda v: [v])
attempt("repr(deep)", lambda: repr(deep))
attempt("str(deep)", lambda: str(deep))
attempt("f'{deep}'", lambda: f"{deep}")
attempt("deep == other", lambda: deep == other)
attempt("deep < other", lambda: deep < other)
attempt("deep != other", lambda: deep != other)
attempt("deep == deep", lambda: deep == deep)
attempt("[deep] in [[1]]", lambda: [deep] in [[1]])
attempt("print(deep)", lambda: print(deep))
attempt("repr of a deep tuple", lambda: repr(nested(5000, lambda v: (v,))))
attempt("repr of a deep dict", lambda: repr(nested(5000, lambda v: {"a": v})))
shallow = nested(500, lambda v: [v])
attempt("repr(shallow)", lambda: repr(shallow))
attempt("shallow == nested(500)", lambda: shallow == nested(500, lambda v: [v]))
del deep, other

error = ValueError(0)
for _ in range(5000):
    error = ValueError(error)
attempt("str of nested exceptions", lambda: str(error))
attempt("repr of nested exceptions", lambda: repr(error))
del error

for wrap in (lambda v: [v], lambda v: (v,), lambda v: {1: v}, lambda v: ValueError(v)):
    chain = nested(20000, wrap)
    del chain
print("deep lists, tuples, dicts and exceptions freed")
f = None
for _ in range(20000):
    f = lambda g=f: g
del f


def keep(g):
    return lambda: g


f = None
for _ in range(20000):
    f = keep(f)
del f
print("deep chains of functions freed")


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.set_result([future])
    print(repr(future))
    itself = loop.create_future()
    itself.set_result(itself)
    print(repr(itself))


asyncio.run(main())
deep = nested(20000, lambda v: [v])
print("a deep list left for the end of the run")
