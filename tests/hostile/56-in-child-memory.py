# expect: ok
# says: exitcode -6\n
# time_limit: 20
import multiprocessing

def grow():
    x = []
    while True:
        x.append('abc' * 100)

if __name__ == '__main__':
    p = multiprocessing.Process(target=grow)
    p.start()
    p.join()
    print('exitcode', p.exitcode)
