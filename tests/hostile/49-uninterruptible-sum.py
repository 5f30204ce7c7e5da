# expect: limit
# says: time limit
# time_limit: 2
print(sum(range(10**12)))
