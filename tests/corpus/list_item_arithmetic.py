# `items[i] op= value` on lists of numbers, and on everything else.
def update():
    v = [1, 2.5, 10, -4]
    v[0] += 2
    v[1] *= 2
    v[2] //= 3
    v[-1] -= 0.5
    v[0] += True
    print(v)
    v[2] **= 3
    print(v[2])
    words = ["a", "b"]
    words[0] += "x"
    print(words)
    nested = [[1], [2]]
    nested[0] += [3]
    print(nested)
    try:
        v[9] += 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        v[0] /= 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        v["k"] += 1
    except TypeError as e:
        print("TypeError:", e)
    print(v)


update()
