# Generators driven with send(): a running average, a chain of stages passing values on, and
# close() ending one early.


def averager():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def printer(prefix):
    while True:
        item = yield
        print(prefix, item)


def doubler(target):
    while True:
        item = yield
        target.send(item * 2)


avg = averager()
next(avg)
print([avg.send(v) for v in (10, 20, 60)])
out = printer(">>")
next(out)
d = doubler(out)
next(d)
for n in range(3):
    d.send(n)
d.close()
try:
    d.send(1)
except StopIteration:
    print("closed generator stops")


def take(n, gen):
    for _ in range(n):
        yield next(gen)


def naturals():
    n = 1
    while True:
        yield n
        n += 1


print(list(take(5, naturals())), sum(take(100, naturals())))
squares = (n * n for n in take(4, naturals()))
print(list(squares))
