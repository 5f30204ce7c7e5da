# expect: ok
# says: {'a': {...}}\n
d = {}
d['a'] = d
print(d)
