# expect: ok
# says: RecursionError caught 3 times
class Loop:
    def __init__(self, again=False):
        if again:
            Loop(True)

    def __repr__(self):
        return repr(self)

    def __eq__(self, other):
        return self == other


caught = 0
for attempt in (lambda: repr(Loop()), lambda: Loop() == Loop(), lambda: Loop(True)):
    try:
        attempt()
    except RecursionError:
        caught += 1
print("RecursionError caught", caught, "times")
