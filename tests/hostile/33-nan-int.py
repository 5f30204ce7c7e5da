# expect: error
# says: ValueError: cannot convert float NaN to integer
print(int(float('nan')))
