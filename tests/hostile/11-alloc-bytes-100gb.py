# expect: error
# says: MemoryError
b = b'x' * 10**11
