# expect: limit
# says: output
while True:
    print('x' * 1000)
