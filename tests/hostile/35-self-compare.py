# expect: ok
# says: False\n
a = [1, 2]
print(a < a)
