# expect: ok
# says: main goes on\n
import threading

def work():
    print(-2**63 // -1)

t = threading.Thread(target=work)
t.start()
t.join()
print('main goes on')
