# expect: error
# says: OverflowError
print(1 << 100)
