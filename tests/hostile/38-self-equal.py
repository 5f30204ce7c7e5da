# expect: ok
# says: True\n
x = []
x.append(x)
print(x == x)
