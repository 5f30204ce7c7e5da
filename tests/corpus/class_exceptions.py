# User exception classes: raised, caught by a base class, with attributes and messages.


class AppError(Exception):
    pass


class RetryError(AppError):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts


class HttpError(AppError):
    def __init__(self, status, reason="error"):
        super().__init__(status, reason)
        self.status = status


class Timeout(TimeoutError):
    pass


def fetch(n):
    if n == 1:
        raise RetryError(3)
    if n == 2:
        raise HttpError(404, "not found")
    if n == 3:
        raise Timeout("too slow")
    if n == 4:
        raise AppError
    return "ok"


for n in range(5):
    try:
        print(n, fetch(n))
    except RetryError as e:
        print(n, "retry:", e, e.attempts, e.args)
    except AppError as e:
        print(n, type(e).__name__, e, repr(e), e.args, isinstance(e, Exception))
    except OSError as e:
        print(n, "os error:", type(e).__name__, e, isinstance(e, TimeoutError))
print(issubclass(RetryError, AppError), issubclass(Timeout, OSError), issubclass(AppError, ValueError))
try:
    try:
        fetch(2)
    except HttpError as e:
        raise RetryError(e.status)
except AppError as e:
    print("re-raised:", e)
errors = []
for n in (1, 2, 3):
    try:
        fetch(n)
    except (RetryError, Timeout) as e:
        errors.append(type(e).__name__)
    except Exception as e:
        errors.append("other " + str(e))
print(errors)
raise HttpError(500, "server")
