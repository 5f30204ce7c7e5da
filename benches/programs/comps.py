N = 20000


total = 0
for round_ in range(N):
    squares = [x * x for x in range(100)]
    evens = [s for s in squares if s % 2 == 0]
    lookup = {s: i for i, s in enumerate(evens)}
    total += sum(lookup.values()) + len(evens)
