# expect: ok
# says: 1.5\n
print(round(1.5, 10**9))
