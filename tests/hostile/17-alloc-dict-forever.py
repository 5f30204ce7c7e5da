# expect: out-of-memory
# says: MemoryError
# time_limit: 20
d = {}
i = 0
while True:
    d[i] = str(i)
    i += 1
