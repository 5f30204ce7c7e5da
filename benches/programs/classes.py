N = 300000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y - dx)

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Accumulator:
    def __init__(self):
        self.total = 0
        self.count = 0

    def add(self, value):
        self.total += value
        self.count += 1

    @property
    def mean(self):
        return self.total / self.count


acc = Accumulator()
p = Point(0, 0)
for i in range(N):
    p = p.moved(1)
    acc.add(p.norm1())
print(acc.total, acc.mean)
