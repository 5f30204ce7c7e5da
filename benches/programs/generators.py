N = 800_000


def numbers(n):
    for i in range(n):
        yield i


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squared(source):
    return (x * x for x in source)


total = 0
for value in squared(evens(numbers(N))):
    total += value
first_big = next(x for x in numbers(N) if x * x > N * 100)
print(total, first_big, any(x > N - 2 for x in numbers(N)))
