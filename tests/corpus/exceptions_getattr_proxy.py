# __getattr__ for missing attributes: a logging proxy, a settings object, AttributeError and from None.
class Proxy:
    def __init__(self, target):
        self._target = target
        self._log = []

    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)


class Engine:
    def __init__(self):
        self.rpm = 800

    def start(self):
        return "vroom"


p = Proxy(Engine())
print(p.rpm, p.start(), p._log)
print(p._target.rpm, p._log)
try:
    p.fuel
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "start"), hasattr(p, "turbo"), getattr(p, "turbo", "none"), p._log)


class Settings:
    defaults = {"debug": False, "level": 3}

    def __init__(self, **overrides):
        self.values = dict(overrides)

    def __getattr__(self, name):
        if name in self.values:
            return self.values[name]
        try:
            return self.defaults[name]
        except KeyError:
            raise AttributeError(f"no setting named {name!r}") from None


s = Settings(level=5, name="prod")
print(s.level, s.debug, s.name, s.defaults["level"])
try:
    s.colour
except AttributeError as e:
    print("AttributeError:", e, "| cause:", e.__cause__, "| suppressed:", e.__suppress_context__)
s.debug = True
print(s.debug, "debug" in s.__dict__, sorted(s.__dict__))


class Record:
    def __init__(self, **fields):
        for key, value in fields.items():
            setattr(self, key, value)

    def __getattr__(self, name):
        if name.startswith("get_"):
            field = name[4:]
            return lambda: self.__dict__.get(field, "?")
        raise AttributeError(f"{type(self).__name__!r} has no attribute {name!r}")


r = Record(x=1, y=2)
print(r.x, r.get_y(), r.get_z())
for attr in ["x", "w", "get_x"]:
    try:
        value = getattr(r, attr)
        print(attr, "->", value() if callable(value) else value)
    except AttributeError as e:
        print(attr, "-> AttributeError:", e)


class Plain:
    pass


obj = Plain()
try:
    obj.missing
except AttributeError as e:
    print("plain:", e)
try:
    del obj.missing
except AttributeError as e:
    print("del:", e)
try:
    None.upper()
except AttributeError as e:
    print("None:", e)
try:
    (5).real = 3
except AttributeError as e:
    print("readonly:", e)
