# expect: error
# says: ValueError: sleep length must be non-negative
import time
time.sleep(-1)
