# expect: out-of-memory
# says: MemoryError
# time_limit: 20
x = []
while True:
    x.append('abc' * 100)
