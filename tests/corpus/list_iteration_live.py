# A list iterator reads the list at each step, as CPython's does: items appended or removed
# while a loop runs over the list are seen by that loop.
queue = ["start"]
for job in queue:
    if len(queue) < 5:
        queue.append(job + "+")
print(queue)

numbers = [1, 2, 3, 4, 5, 6]
for n in numbers:
    numbers.remove(n)
print(numbers)

frontier = [1]
seen = []
for node in frontier:
    seen.append(node)
    for child in (node * 2, node * 2 + 1):
        if child < 12:
            frontier.append(child)
print(seen)

pairs = list(enumerate(["a", "b"]))
letters = ["x", "y"]
for i, letter in enumerate(letters):
    if i == 0:
        letters.append("z")
    print(i, letter)
print(pairs)

it = iter([10, 20])
print(next(it), list(it))
grow = [1, 2]
walker = iter(grow)
print(list(walker))
grow.append(3)
print(list(walker), next(walker, "exhausted"))

shrink = [1, 2, 3]
stepper = iter(shrink)
print(next(stepper))
shrink.clear()
print(next(stepper, "gone"))

total = 0
data = [1, 2, 3]
for x in data:
    total += x
    if x == 2:
        data[2] = 100
print(total)
print([x for x in data])
