# expect: ok
# says: [[...]]\n
x = []
x.append(x)
print(x)
