# expect: limit
# says: time limit
# time_limit: 2
while True:
    pass
