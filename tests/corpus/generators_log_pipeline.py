# A lazy generator pipeline over log lines (read -> parse -> filter -> take) and genexprs fed to builtins.
RAW_LOG = """\
INFO 12 user=ann action=login
DEBUG 3 cache warm
ERROR 250 user=bob action=upload
INFO 40 user=cid action=view
WARN 90 user=ann action=upload
ERROR 500 user=dee action=login
INFO 7 user=bob action=logout"""


def read_lines(text):
    for number, line in enumerate(text.splitlines(), 1):
        print(f"  read line {number}")
        yield line


def parse(lines):
    for line in lines:
        level, ms, *rest = line.split()
        fields = dict(part.split("=") for part in rest if "=" in part)
        yield {"level": level, "ms": int(ms), **fields}


def only(records, *levels):
    for record in records:
        if record["level"] in levels:
            yield record


def take(n, items):
    if n <= 0:
        return
    for i, item in enumerate(items, 1):
        yield item
        if i == n:
            return


pipeline = take(2, only(parse(read_lines(RAW_LOG)), "ERROR", "WARN"))
print("pipeline built, nothing read yet")
for rec in pipeline:
    print("->", rec["level"], rec["user"], rec["ms"])
print("no more:", list(pipeline))

records = list(parse(RAW_LOG.splitlines()))
print(sum(r["ms"] for r in records), max(r["ms"] for r in records))
print(any(r["level"] == "ERROR" for r in records), all(r["ms"] > 5 for r in records))
print(sorted((r["ms"] for r in records if "user" in r), reverse=True))
print(", ".join(r["user"] for r in records if r.get("action") == "upload"))
print(min((r["ms"], r["level"]) for r in records))
slowest = max(records, key=lambda r: r["ms"])
print("slowest:", slowest)
users = {}
for r in records:
    if "user" in r:
        users[r["user"]] = users.get(r["user"], 0) + 1
print(users, sum(1 for r in records if r["level"] == "INFO"))
gen = (r["level"] for r in records)
print(next(gen), next(gen), list(gen), list(gen))
print(dict((r["user"], r["action"]) for r in records if "user" in r))
