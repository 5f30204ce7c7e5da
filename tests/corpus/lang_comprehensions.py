# Checks list and dict comprehensions, with conditions and nested loops, inside coroutines.
import asyncio


async def double_later(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    squares = [n * n for n in range(6)]
    evens = [n for n in squares if n % 2 == 0]
    pairs = [(a, b) for a in range(3) for b in range(a)]
    print(squares, evens, pairs)
    table = {n: n * n for n in range(4)}
    names = {name: len(name) for name in ["ada", "grace", "linus"] if len(name) > 3}
    print(table, names)
    words = [w.upper() for w in "the quick brown fox".split() if w != "quick"]
    print(words)
    nested = [[r * 3 + c for c in range(3)] for r in range(2)]
    print(nested)
    flat = [x for row in nested for x in row]
    print(flat, sum([x for x in flat if x > 2]))
    tasks = [asyncio.create_task(double_later(n)) for n in range(4)]
    results = [await t for t in tasks]
    print(results)
    inline = [await double_later(n) for n in range(3)]
    print(inline)


asyncio.run(main())
