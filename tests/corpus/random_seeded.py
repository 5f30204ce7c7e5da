# A seeded `random` prints what CPython prints: the module-level functions and
# `random.Random` instances, each kind of call, and its errors.
import random

random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 6), random.randrange(10), random.randrange(0, 100, 5))
print(random.randrange(10, 0, -3), random.getrandbits(7), random.getrandbits(40))
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(["x", "y", "z"], k=3))
print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=4))
print(random.choices("ab", cum_weights=[1, 5], k=3))
print(random.uniform(1, 2), random.triangular(0, 10, 3), random.gauss(0, 1), random.gauss(5, 2))
print(random.normalvariate(), random.expovariate(1.5), random.betavariate(2, 3))
print(random.randbytes(6))

random.seed("interleave")
print([random.randint(1, 100) for _ in range(8)])
random.seed(2**40 + 7)
print(random.random())
random.seed(3.0)
print(random.random())

rng = random.Random(7)
other = random.Random(7)
print(rng.random() == other.random(), rng.randint(1, 10), [other.randint(1, 10)])
rng.seed(99)
print(rng.sample(range(50), 4))

for call in [
    lambda: random.randint(1),
    lambda: random.choice([]),
    lambda: random.sample({1: 2}, 1),
    lambda: random.shuffle((1, 2)),
    lambda: random.seed([1]),
    lambda: random.getrandbits(-1),
    lambda: random.randrange(5, 5),
    lambda: random.choices([1, 2], [1]),
    lambda: random.random(1),
    lambda: random.sample(range(3), 4),
    lambda: random.randint(a=1, c=2),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
    except ValueError as e:
        print("ValueError", e)
    except IndexError as e:
        print("IndexError", e)
