# expect: error
# says: OverflowError: repeated string is too long
s = 'ab' * (2**62)
