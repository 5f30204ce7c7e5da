# expect: error
# says: OverflowError: timestamp out of range for platform time_t
import threading
t = threading.Thread(target=print, args=('in the thread',))
t.start()
t.join(1e300)
