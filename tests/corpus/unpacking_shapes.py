# Unpacking tuples and lists of every length into locals, subscripts and attributes.
def shapes():
    a, b = (1, 2)
    c, d = [3, 4]
    (e, f), g = ([5, 6], 7)
    print(a, b, c, d, e, f, g)
    items = [0, 0]
    items[0], items[1] = [8, 9]
    print(items)
    items[0], items[1] = items[1], items[0]
    print(items)
    first, *rest = [1, 2, 3]
    print(first, rest)
    pairs = [(1, [2, 3]), (4, [5, 6])]
    for x, (y, z) in pairs:
        print(x, y, z)
    rows = [[1, 2, 3], [4, 5, 6]]
    for p, q, r in rows:
        print(p + q + r)
    for text in (["one", "two", "three"], ("a", "b")):
        try:
            u, v = text
            print(u, v)
        except ValueError as err:
            print("ValueError:", err)
    try:
        u, v, w = [1, 2]
    except ValueError as err:
        print("ValueError:", err)


class Box:
    pass


def into_attributes():
    box = Box()
    box.left, box.right = [1, 2]
    print(box.left, box.right)


shapes()
into_attributes()
m, n = [10, 20]
print(m, n)
