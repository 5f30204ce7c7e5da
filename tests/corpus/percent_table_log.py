# Old-style % formatting for log lines and aligned tables: "%-10s %6.2f" reports with totals.
stock = [
    ("widget", 4, 3.5),
    ("gadget", 10, 12.25),
    ("doohickey", 1, 99.999),
    ("thingamajig", 250, 0.04),
]
header = "%-10s %5s %8s %9s" % ("item", "qty", "price", "total")
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in stock:
    total = qty * price
    grand += total
    print("%-10s %5d %8.2f %9.2f" % (name[:10], qty, price, total))
print("-" * len(header))
print("%-10s %5d %8s %9.2f" % ("TOTAL", sum(q for _, q, _ in stock), "", grand))


def log(level, fmt, *args):
    print("[%-5s] %s" % (level, fmt % args))


log("INFO", "started %d workers", 3)
log("WARN", "disk %s at %.1f%% capacity", "/dev/sda", 91.26)
log("ERROR", "request %r failed with code %03d", "/api/items", 5)
log("DEBUG", "no arguments here")

results = {"alice": [88, 92.5, 79], "bob": [65, 70.25, 81], "carolyn": [100, 99.5, 98]}
print("%-8s|%7s|%7s|%7s|%7s" % ("student", "t1", "t2", "t3", "avg"))
for student, marks in results.items():
    avg = sum(marks) / len(marks)
    cells = "".join("|%7.2f" % m for m in marks)
    print("%-8s%s|%7.3f" % (student, cells, avg))
rows = [("cpu", 0.4567), ("mem", 0.91), ("io", 0.05)]
for label, frac in rows:
    bar = "#" * int(frac * 20)
    print("%4s %-20s %5.1f%%" % (label, bar, frac * 100))
print("%6s|%-6s|%06.1f|%+6d|%x" % ("r", "l", 3.14159, 7, 3054))
