# contextlib.suppress for expected errors, nullcontext as an optional manager, closing() for close().
from contextlib import suppress, nullcontext, closing
import threading

config = {"host": "localhost"}
with suppress(KeyError):
    print("port is", config["port"])
    print("not reached")
print("continued after suppress")

with suppress(ValueError, TypeError):
    print(int("12"))
    print(int(None))
print("suppressed TypeError too")

with suppress(ZeroDivisionError):
    print("no error here")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

values = ["3", "x", "5", None, "7"]
total = 0
for v in values:
    with suppress(ValueError, TypeError):
        total += int(v)
print("total", total)

with suppress(LookupError):
    {}["missing"]
print("KeyError is a LookupError")

with nullcontext() as nothing:
    print("nullcontext gives", nothing)
with nullcontext(42) as answer:
    print("nullcontext gives", answer)

lock = threading.Lock()


def update(shared, key, use_lock):
    manager = lock if use_lock else nullcontext()
    with manager:
        shared[key] = shared.get(key, 0) + 1
        return lock.locked()


shared = {}
print(update(shared, "a", True), update(shared, "a", False), shared)


class Connection:
    def __init__(self, name):
        self.name = name
        self.open = True
        print("open", name)

    def send(self, msg):
        print(f"{self.name} <- {msg}")

    def close(self):
        self.open = False
        print("close", self.name)


with closing(Connection("db")) as conn:
    conn.send("ping")
print("still open?", conn.open)
try:
    with closing(Connection("cache")) as conn:
        raise ConnectionError("lost")
except ConnectionError as e:
    print("error after close:", e, conn.open)
