# expect: ok
# says: [1, 2]\n
a = [1, 2]
a[:] = a
print(a)
