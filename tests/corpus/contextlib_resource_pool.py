# A resource pool built with @contextmanager: acquire/release, exhaustion, nesting, errors while borrowed.
from contextlib import contextmanager


class PoolExhausted(Exception):
    pass


class Pool:
    def __init__(self, size):
        self.free = [f"res{i}" for i in range(size)]
        self.in_use = []
        self.log = []

    @contextmanager
    def borrow(self, who):
        if not self.free:
            self.log.append(f"{who}: refused")
            raise PoolExhausted(f"no resource left for {who}")
        res = self.free.pop(0)
        self.in_use.append(res)
        self.log.append(f"{who}: got {res}")
        try:
            yield res
        except Exception as e:
            self.log.append(f"{who}: error {type(e).__name__}")
            raise
        finally:
            self.in_use.remove(res)
            self.free.append(res)
            self.log.append(f"{who}: returned {res}")

    def status(self):
        return f"free={self.free} in_use={self.in_use}"


pool = Pool(2)
with pool.borrow("alice") as r:
    print("alice uses", r, pool.status())
print(pool.status())
with pool.borrow("bob") as r1:
    with pool.borrow("carol") as r2:
        print("nested", r1, r2, pool.status())
        try:
            with pool.borrow("dave"):
                print("never")
        except PoolExhausted as e:
            print("PoolExhausted:", e)
print(pool.status())
try:
    with pool.borrow("erin") as r:
        print("erin uses", r)
        raise ValueError("bad data")
except ValueError as e:
    print("caller got", e)
print(pool.status())


def run_jobs(pool, jobs):
    results = {}
    for who, n in jobs:
        try:
            with pool.borrow(who) as res:
                results[who] = f"{res}:{100 // n}"
        except ZeroDivisionError:
            results[who] = "failed"
    return results


print(run_jobs(pool, [("j1", 5), ("j2", 0), ("j3", 3)]))
for line in pool.log:
    print(" ", line)
