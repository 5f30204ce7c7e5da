# Checks if/elif/else, for and while loops with break and continue, pass and boolean operators.
import asyncio


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


async def main():
    print([classify(n) for n in [-3, 0, 4, 99]])
    for i in range(10):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        print("odd", i)
    n = 0
    while True:
        n += 1
        if n < 3:
            continue
        if n == 5:
            break
        print("while", n)
    count = 3
    while count > 0:
        print("countdown", count)
        count -= 1
        await asyncio.sleep(0)
    for _ in []:
        print("never")
    if not [] and (1 or 0) and not None:
        pass
        print("truthiness ok")
    for row in range(3):
        for col in range(3):
            if col > row:
                break
            print(row, col, end=" | ")
    print()
    x = 5
    if x > 3 and x < 10 or x == 100:
        print("in range")
    if not (x == 5):
        print("unreachable")
    else:
        print("x is five")


asyncio.run(main())
