# expect: ok
# says: 2\n
x = [[0] * 10**7]
x.append(x)
print(len(x))
