# expect: error
# says: MemoryError
s = f'{1:>{2**62}}'
