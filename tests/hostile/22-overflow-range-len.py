# expect: error
# says: OverflowError: Python int too large to convert to C ssize_t
print(len(range(-2**63, 2**63 - 1)))
