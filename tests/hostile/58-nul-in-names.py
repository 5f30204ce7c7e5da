# expect: ok
# says: T\x00, P\x00 ok\n
import multiprocessing
import threading

def work():
    pass

if __name__ == '__main__':
    t = threading.Thread(target=work, name='T\0')
    t.start()
    t.join()
    p = multiprocessing.Process(target=work, name='P\0')
    p.start()
    p.join()
    print(repr(t.name)[1:-1] + ', ' + repr(p.name)[1:-1], 'ok' if p.exitcode == 0 else p.exitcode)
