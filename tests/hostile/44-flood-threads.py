# expect: error
# says: can't start new thread
import threading, time
for _ in range(5000):
    threading.Thread(target=time.sleep, args=(1,)).start()
