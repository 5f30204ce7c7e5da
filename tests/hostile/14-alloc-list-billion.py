# expect: error
# says: MemoryError
x = [0] * 10**9
