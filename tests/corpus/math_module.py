# The math module: constants, float functions with CPython's errors, integer functions.
import math
from math import floor, pi, sqrt

print(pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(sqrt(2), math.exp(1), math.log(100, 10), math.log2(8), math.log10(0.001), math.log1p(1e-10))
print(math.sin(pi / 6), math.cos(0), math.tan(1), math.atan2(1, -1), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.degrees(pi), math.radians(180), math.fabs(-2), math.copysign(3, -0.0), math.fmod(7, -3))
print(floor(2.7), math.ceil(2.1), math.trunc(-2.7), floor(-3), math.ceil(5), type(floor(1.5)))
print(math.factorial(20), math.gcd(12, 18, 27), math.lcm(4, 6), math.isqrt(10**18 - 1), math.isqrt(99))
print(math.comb(10, 3), math.perm(5, 2), math.perm(4), math.comb(3, 5), math.prod([1, 2, 3, 4]), math.prod([0.5, 4], start=2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.dist((0, 0), (3, 4)), math.pow(2, 10), math.pow(0, 0), math.isfinite(1e308), math.isinf(-math.inf))
print(math.fsum([math.inf, 1]), math.asinh(1), math.acosh(2), math.atanh(0.5), math.expm1(1e-10))

for call in [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-1),
    lambda: math.exp(1000),
    lambda: math.factorial(-1),
    lambda: math.factorial(2.5),
    lambda: math.floor(math.inf),
    lambda: math.floor(math.nan),
    lambda: math.isqrt(-1),
    lambda: math.pow(0, -1),
    lambda: math.acos(2),
    lambda: math.fmod(1, 0),
    lambda: math.fsum([math.inf, -math.inf]),
    lambda: math.dist((1, 2), (1,)),
    lambda: math.sqrt("4"),
]:
    try:
        print(call())
    except ValueError as e:
        print("ValueError:", e)
    except OverflowError as e:
        print("OverflowError:", e)
    except TypeError as e:
        print("TypeError:", e)
