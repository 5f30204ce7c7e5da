# expect: limit
# says: memory limit
# time_limit: 20
x = []
while True:
    x.append('abc' * 100)
