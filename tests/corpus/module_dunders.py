# A script's own module globals: __name__ and __file__ (an absolute path, as CPython gives it).
print(__name__)
print(__file__.split("/")[-1], __file__.startswith("/"))
print(f"{__file__.split('/')[-1]} executed as {__name__}")
