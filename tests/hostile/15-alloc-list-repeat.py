# expect: error
# says: MemoryError
x = [1, 2] * (2**62)
