# expect: error
# says: OverflowError: cannot convert float infinity to integer
print(int(float('inf')))
