# expect: error
# says: MemoryError
s = 'x'.ljust(2**62)
