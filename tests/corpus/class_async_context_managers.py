# Asynchronous context managers written as classes: __aenter__ and __aexit__ awaited by
# async with, nested, suppressing, and refused for objects without them.
import asyncio


class Connection:
    opened = 0

    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        Connection.opened += 1
        print("open", self.host)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        Connection.opened -= 1
        print("close", self.host, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

    async def fetch(self, path):
        await asyncio.sleep(0.02)
        return f"{self.host}{path}"


async def user(host):
    async with Connection(host) as conn:
        page = await conn.fetch("/index")
        print("got", page, Connection.opened)
    return page


async def main():
    print(await asyncio.gather(user("a"), user("b")))
    async with Connection("x"), Connection("y") as y:
        print("inside", y.host)
    async with Connection("k"):
        raise KeyError("ignored")
    try:
        async with Connection("v"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    try:
        async with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
