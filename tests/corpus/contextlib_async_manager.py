# @asynccontextmanager used with async with: async setup/teardown, errors inside, concurrent users.
import asyncio
from contextlib import asynccontextmanager

opened = []


@asynccontextmanager
async def connection(name, delay):
    print(f"connecting {name}")
    await asyncio.sleep(delay)
    opened.append(name)
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(delay / 2)
        opened.remove(name)
        print(f"disconnected {name}")


@asynccontextmanager
async def timed_section(label):
    print(f"[{label}] begin")
    try:
        yield
    except ValueError as e:
        print(f"[{label}] handled {e!r}")
    else:
        print(f"[{label}] ok")


async def query(name, delay, rows):
    async with connection(name, delay) as conn:
        print(f"{conn} open, opened={opened}")
        await asyncio.sleep(delay)
        return [f"{name}:{r}" for r in range(rows)]


async def main():
    async with connection("solo", 0.01) as c:
        print("using", c)
    results = await asyncio.gather(query("a", 0.02, 2), query("b", 0.035, 1))
    print(results, opened)
    async with timed_section("parse"):
        int("12")
    async with timed_section("parse"):
        int("twelve")
    try:
        async with connection("bad", 0.01):
            raise KeyError("oops")
    except KeyError as e:
        print("caught", repr(e), opened)
    async with connection("outer", 0.01) as o, connection("inner", 0.01) as i:
        print("both:", o, i, opened)


asyncio.run(main())
