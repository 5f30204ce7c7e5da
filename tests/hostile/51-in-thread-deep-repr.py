# expect: ok
# says: main goes on\n
import threading

def work():
    x = []
    for _ in range(100000):
        x = [x]
    print(x)

t = threading.Thread(target=work)
t.start()
t.join()
print('main goes on')
