# expect: ok
# says: RecursionError in ['main', 'thread']
import threading

caught = []


def down(n):
    yield n
    yield from down(n + 1)


def walk(where):
    try:
        for _ in down(0):
            pass
    except RecursionError:
        caught.append(where)


walk("main")
t = threading.Thread(target=walk, args=("thread",))
t.start()
t.join()
print("RecursionError in", caught)
