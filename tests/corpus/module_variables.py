# Module-level variables: read, rebound, deleted and unbound, in loops, comprehensions and
# handlers, next to ones that functions share.
total = 0
for i in range(1000):
    total += i
print(total, i)

shared = []


def remember(x):
    shared.append(x)
    return len(shared)


for word in "to be or not to be".split():
    remember(word)
print(shared, word)

counts = {}
for word in shared:
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))

squares = [n * n for n in range(5) if n != total]
print(squares)

try:
    print(never_bound)
except NameError as e:
    print("NameError:", e)

gone = 1
del gone
try:
    gone
except NameError as e:
    print("NameError:", e)

try:
    del gone
except NameError as e:
    print("NameError:", e)

try:
    1 / 0
except ZeroDivisionError as err:
    caught = str(err)
print(caught)
try:
    err
except NameError as e:
    print("NameError:", e)

a, (b, c) = 1, [2, 3]
a += b * c
print(a, b, c)

ValueError = "shadowed"
print(ValueError)
del ValueError
print(ValueError)

while total > 10:
    total //= 7
else:
    print("loop done", total)


if (found := total * 2) > 1:
    print(found)

print(sorted(name for name in ("b", "a", "c")))
