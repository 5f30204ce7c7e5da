# expect: ok
# says: 0\n
x = -2**63
print(x % -1)
