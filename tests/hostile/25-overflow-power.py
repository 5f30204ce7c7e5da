# expect: error
# says: OverflowError
print(2 ** 10000)
