# expect: error
# says: OverflowError: timestamp out of range for platform time_t
import time
time.sleep(1e300)
