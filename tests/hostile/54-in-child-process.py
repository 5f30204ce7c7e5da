# expect: ok
# says: exitcode 1\n
import multiprocessing

def work():
    s = 'ab' * (2**62)

if __name__ == '__main__':
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print('exitcode', p.exitcode)
