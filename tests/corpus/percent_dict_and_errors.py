# % formatting with %(name)s mappings, * width/precision, tuples as arguments and the TypeErrors.
user = {"name": "grace", "id": 7, "score": 93.456}
print("%(name)s has id %(id)04d and score %(score).1f" % user)
print("%(name)r %(name)s %(name)10s|" % user)
print("%(missing_pct)s%%" % {"missing_pct": 12})
print("[%*d] [%-*d] [%.*f] [%*.*f]" % (6, 42, 6, 42, 2, 3.14159, 8, 3, 2.71828))
print("[%*s]" % (-8, "left"))
point = (3, 4)
print("point is %s" % (point,))
print("point is %r, single %s" % (point, "x"))
print("x=%d y=%d" % point)
items = ["a", "b"]
print("items: %s" % items, "count: %d" % len(items))
template = "%-6s|%6s"
for row in [("id", "value"), ("1", "10"), ("22", "300")]:
    print(template % row)

cases = [
    ("%d", "x"),
    ("%s %s", (1, 2, 3)),
    ("%s %s", (1,)),
    ("%s", (1, 2)),
    ("%d", None),
    ("%x", 3.5),
    ("%c", "ab"),
    ("%(a)s", (1,)),
    ("%z", 1),
    ("no specifiers", 5),
    ("%f", "1.5"),
]
for fmt, arg in cases:
    try:
        print("ok:", fmt % arg)
    except TypeError as e:
        print(f"TypeError {fmt!r}: {e}")
    except ValueError as e:
        print(f"ValueError {fmt!r}: {e}")
    except KeyError as e:
        print(f"KeyError {fmt!r}: {e}")
try:
    print("%(b)s" % {"a": 1})
except KeyError as e:
    print("KeyError:", e)
print("no specifiers" % {}, "no specifiers" % [])
print("%s and %%" % "one")
