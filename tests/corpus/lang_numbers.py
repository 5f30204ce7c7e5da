# Checks int, float, bool and None arithmetic, comparisons, conversions and their printed forms.
import asyncio


async def main():
    a = 7
    b = 2
    print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
    print(-a // b, -a % b, 2 ** -1, 10 / 5, 1 / 3)
    print(0.1 + 0.2, 1.5 * 2, 3.0, -0.0, 1e-3, 2.5e6)
    print(True + True, True and False, True or False, not True)
    print(None, None == None, 1 == 1.0, 2 != 3, 3 < 2, 3 <= 3, 4 > 1, 4 >= 5)
    print(1 < 2 < 3, 3 > 2 > 2)
    print(int("42") + 1, int(3.9), int(-3.9), int(True), float("1.5"), float(2))
    print(str(12) + "!", str(1.0), str(None), str(False))
    print(abs(-5), abs(-2.5), round(3.14159, 2), round(2.5), round(3.5), round(-1.25, 1))
    print(round(7.0), round(1234.5678, -2), min(3, 1, 2), max(2.5, 1))
    x = 0
    x = x or 17
    y = None
    print(x, y or "fallback", 0 and "never", "" or "empty string is falsy")
    await asyncio.sleep(0)
    print(10 - 2 * 3 ** 2, (10 - 2) * 3, 17 // 5 * 5 + 17 % 5)


asyncio.run(main())
