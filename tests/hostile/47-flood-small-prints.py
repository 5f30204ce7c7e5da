# expect: limit
# says: output
i = 0
while True:
    print(i)
    i += 1
