# Coroutine-style generators with send(): running averages, a min/max tracker and manually limited infinite generators.
def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count, average


avg = running_average()
print(next(avg))
for v in [10, 20, 30, 25]:
    print(f"sent {v:>3} -> average {avg.send(v):.2f}")
try:
    avg.send(None)
except StopIteration as stop:
    print("finished with", stop.value)


def tracker():
    low = high = None
    while True:
        reading = yield (low, high)
        low = reading if low is None else min(low, reading)
        high = reading if high is None else max(high, reading)


t = tracker()
t.send(None)
print([t.send(r) for r in [5, 3, 8, 1, 9]])


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    candidate = 2
    while True:
        if all(candidate % p for p in found):
            found.append(candidate)
            yield candidate
        candidate += 1


fibs = []
for f in fibonacci():
    if f > 100:
        break
    fibs.append(f)
print(fibs)
gen = primes()
print([next(gen) for _ in range(10)])
print(next(gen), next(gen))


def evens_of(source):
    for n in source:
        if n % 2 == 0:
            yield n


evens = evens_of(fibonacci())
print(next(evens), next(evens), next(evens), next(evens))


def accumulate_until(limit):
    total = 0
    while total < limit:
        step = yield total
        total += step if step is not None else 1
    return f"reached {total}"


acc = accumulate_until(10)
next(acc)
try:
    for step in [3, None, 4, 5]:
        print("total now", acc.send(step))
except StopIteration as stop:
    print("stopped:", stop.value)
print(next(acc, "exhausted"))
