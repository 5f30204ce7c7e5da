# Checks string operations, the supported str methods and f-strings with format specs.
import asyncio


async def main():
    name = "interleave"
    print(name.upper(), "ABC".lower(), "  padded  ".strip() + "|")
    print("a,b,,c".split(","), "one two  three".split(), "-".join(["x", "y", "z"]))
    print(name.replace("e", "E"), name.startswith("inter"), name.endswith("x"))
    print("ab" * 3, "con" + "cat", len(name), name[0], name[-1])
    print("leave" in name, "zz" in name)
    letters = []
    for ch in "abc":
        letters.append(ch.upper())
    print(letters)
    t = 1.23456
    x = 42
    word = "hi"
    print(f"t={t:.2f} t1={t:.1f} t0={t:.0f}")
    print(f"[{x:>6}] [{x:<6}] [{word:>5}] [{word:<5}]")
    print(f"[{t:>8.3f}] [{t:<8.2f}] [{-t:.2f}]")
    print(f"{x} + {x} = {x + x}; {name.upper()}; {len(word)} chars")
    print(f"{'nested quotes'} and {repr(word)}")
    print(f"list {[1, 2]} dict {{'braces'}}")
    print(repr("quote's"), repr('say "hi"'), repr("plain"), str("s"))
    await asyncio.sleep(0.01)
    print(f"done after {0.01:.2f} s")


asyncio.run(main())
