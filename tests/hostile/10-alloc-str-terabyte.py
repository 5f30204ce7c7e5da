# expect: error
# says: MemoryError
s = 'a' * 2**40
