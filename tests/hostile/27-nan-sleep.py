# expect: error
# says: ValueError: Invalid value NaN (not a number)
import time
time.sleep(float('nan'))
