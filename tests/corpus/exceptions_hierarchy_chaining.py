# User exception hierarchies with __str__, chaining with raise ... from, __cause__, __context__, from None.
class AppError(Exception):
    """Base class for the application's errors."""


class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"


class InsufficientFunds(AppError):
    def __init__(self, balance, amount):
        super().__init__(f"need {amount - balance} more")
        self.balance = balance
        self.amount = amount


class NotFound(AppError):
    def __init__(self, key):
        self.key = key

    def __str__(self):
        return f"no such key {self.key!r}"


errors = [ValidationError("age", "must be >= 0"), InsufficientFunds(30, 100), NotFound("x"), AppError()]
for err in errors:
    print(type(err).__name__, "| str:", str(err), "| repr:", repr(err), "| args:", err.args)
print([cls.__name__ for cls in ValidationError.__mro__])
print(issubclass(NotFound, AppError), isinstance(errors[0], Exception), AppError.__doc__)

for err in errors:
    try:
        raise err
    except (ValidationError, NotFound) as e:
        print("input problem:", e)
    except AppError as e:
        print("app problem:", e or "<empty>")


def parse_age(text):
    try:
        return int(text)
    except ValueError as e:
        raise ValidationError("age", f"not a number ({text!r})") from e


try:
    parse_age("ten")
except ValidationError as e:
    print("error:", e)
    print("cause:", repr(e.__cause__), "| context is cause:", e.__context__ is e.__cause__)
    print("suppress_context:", e.__suppress_context__)


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(key)


try:
    lookup({}, "k")
except NotFound as e:
    print("implicit chain:", repr(e.__context__), e.__cause__, e.__suppress_context__)


def lookup_quiet(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(key) from None


try:
    lookup_quiet({}, "q")
except NotFound as e:
    print("from None:", e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise RuntimeError("while dividing") from inner
except RuntimeError as outer:
    chain = []
    exc = outer
    while exc is not None:
        chain.append(f"{type(exc).__name__}({exc})")
        exc = exc.__cause__ or exc.__context__
    print(" <- ".join(chain))

try:
    try:
        raise ValueError("first")
    finally:
        print("finally runs before the handler")
except ValueError as e:
    print("caught", e, e.__context__)
