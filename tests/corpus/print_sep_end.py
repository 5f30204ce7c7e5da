# Checks print with several arguments, sep= and end=, and how values of each type are printed.
import asyncio


async def main():
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=" -> ", end=" END\n")
    print("no newline", end="")
    print(" ... continued")
    print()
    print("", end="")
    print(1, 2.5, True, None, "text", [1, "two"], (3,), {"k": [None]}, sep="|")
    print("multi\nline", "tab\there")
    print(*[1, 2, 3])
    print(*["x", "y"], sep=", ", end=".\n")
    for i in range(3):
        print(i, end=" ")
        await asyncio.sleep(0)
    print("<- counted")
    print("quote ' and \"", 'single', "back\\slash")
    print(-1, -2.5, 1e16, 12345678901234, 0.000123)


asyncio.run(main())
