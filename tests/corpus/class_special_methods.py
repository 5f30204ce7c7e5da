# Special methods: arithmetic, comparisons, hashing, containers and calls.


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return bool(self.x or self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


v = Vector(3, 4)
w = Vector(1, 1)
print(v + w, v - w, v * 2, 3 * w, -v, v == Vector(3, 4), v != w, v == 5)
print(sorted([v, w, Vector(0, 2)]), max(v, w), min([v, w]), v > w)
print(bool(Vector(0, 0)), bool(w), not Vector(0, 0))
print({v: "v", w: "w"}[Vector(1, 1)], Vector(3, 4) in [w, v], len({v: 1, Vector(3, 4): 2}))
total = Vector(0, 0)
for step in [v, w, w]:
    total += step
print(total)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __radd__(self, other):
        return Money(self.cents + other)

    def __add__(self, other):
        extra = other.cents if isinstance(other, Money) else other
        return Money(self.cents + extra)

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents


print(sum([Money(150), Money(275)]), str(Money(5) + 10))
try:
    print({Money(1): "a"})
except TypeError as e:
    print("TypeError:", e)


class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, i):
        return self.songs[i]

    def __setitem__(self, i, song):
        self.songs[i] = song

    def __delitem__(self, i):
        del self.songs[i]

    def __contains__(self, song):
        return song.lower() in [s.lower() for s in self.songs]

    def __call__(self, n):
        return self.songs[:n]


p = Playlist("Intro", "Verse", "Chorus")
p[1] = "Bridge"
del p[0]
print(len(p), p[0], p[-1], "chorus" in p, "Verse" in p, p(1), bool(Playlist()))
try:
    Vector(1, 2) < 3
except TypeError as e:
    print("TypeError:", e)
try:
    p + p
except TypeError as e:
    print("TypeError:", e)
