# printf-style % formatting: conversions s r d i f e g x X o c %%, flags, widths and precision.
name = "Ada"
n = 42
pi = 3.14159265
print("hello %s" % name)
print("repr %r vs str %s" % (name, name))
print("%d %i %d %d" % (n, -7, 3.99, True))
print("%f | %.2f | %.0f | %.0f | %.3f" % (pi, pi, 2.5, 3.5, 2.675))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%+05d]" % (n, n, n, n, n, -n))
print("[%8.3f] [%-8.2f] [%08.2f] [%+.1f]" % (pi, pi, -pi, pi))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%x %o" % (-255, -8))
print("%e | %E | %.2e | %.0e" % (12345.678, 0.000123, 6.02e23, 5e-7))
print("%g %g %g %g %g %g" % (0.00001234, 1234567, 100000, 1e16, 3.0, 0.1 + 0.2))
print("%.3g %.10g %G" % (pi, pi, 1e-10))
print("%c%c%c" % (72, 105, 33), "%c" % "z")
print("100%% done, %d%% left" % 0)
print("[%10s] [%-10s] [%.2s] [%7.3s]" % ("right", "left", "truncate", "abcdef"))
print("%s %s %s %s" % (None, [1, 2], {"k": 1}, (1,)))
print("%r %r %r" % ("it's", 'say "hi"', 1.5))
print("%s" % 42, "%s" % [1, 2, 3], "%d items" % 3)
print("%s" % {"a": 1}, "%s" % {})
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")))
print("%d" % 2**40, "%x" % 2**40, "%.1f" % 1e15)
print("%s-%s" % ("a", "b") * 2)
big = 1234567.891
print("%.2f %10.1f %-12.3e|" % (big, big, big))
print("%5.1f%%" % 99.44)
