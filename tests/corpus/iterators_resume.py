# Checks that an iterator object (zip, enumerate, reversed) is consumed in place: a loop that breaks leaves the rest for the next loop, and a spent iterator stays empty.
pairs = zip([1, 2, 3, 4], "wxyz")
for number, letter in pairs:
    print("first loop:", number, letter)
    if number == 2:
        break
print("what is left:", list(pairs))
print("and then:", list(pairs))

numbered = enumerate(["a", "b", "c"], start=1)
print([item for item in numbered if item[0] < 2])
print("after the comprehension:", list(numbered))

backwards = reversed([1, 2, 3])
total = 0
for n in backwards:
    total += n
    for m in backwards:
        print("inner takes", m)
print("total", total)
print(sum(zip([1], [2]), ()))
