# Generator close() running finally blocks, catching GeneratorExit, throw() into a generator and its errors.
def numbers(label):
    print(f"{label}: start")
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(f"{label}: finally")


g = numbers("g1")
print(next(g), next(g))
g.close()
print("after close:", next(g, "exhausted"))
g.close()
print("close again is a no-op")
unstarted = numbers("g2")
unstarted.close()
print("unstarted closed without running")


def watcher():
    try:
        yield "watching"
        yield "still watching"
    except GeneratorExit:
        print("watcher: GeneratorExit caught, cleaning up")
        raise
    finally:
        print("watcher: finally")


w = watcher()
print(next(w))
w.close()


def stubborn():
    while True:
        try:
            yield "alive"
        except GeneratorExit:
            print("stubborn: ignoring GeneratorExit")
            yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def quiet_close():
    try:
        yield 1
    except GeneratorExit:
        print("quiet: returning instead")
        return "ignored value"


q = quiet_close()
next(q)
print("close returned", q.close())


def worker():
    jobs_done = 0
    while True:
        try:
            job = yield jobs_done
            print("  working on", job)
            jobs_done += 1
        except ValueError as e:
            print("  worker recovered from", e)
        except KeyError:
            print("  worker giving up")
            return jobs_done


wk = worker()
next(wk)
print(wk.send("a"), wk.send("b"))
print("throw ValueError ->", wk.throw(ValueError("bad job")))
print(wk.send("c"))
try:
    wk.throw(KeyError("fatal"))
except StopIteration as stop:
    print("worker returned", stop.value)
try:
    wk.throw(TypeError("after the end"))
except TypeError as e:
    print("finished generator re-raises:", e)


def counter():
    yield 1
    yield 2


c = counter()
try:
    c.throw(ZeroDivisionError("before start"))
except ZeroDivisionError as e:
    print("unstarted throw raises:", e, "| next after:", next(c, "done"))
for x in numbers("g3"):
    if x == 2:
        print("breaking out of the loop")
        break
print("loop over")
