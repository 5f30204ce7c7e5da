# expect: error
# says: can't start new process
import multiprocessing, time

def nap():
    time.sleep(1)

if __name__ == '__main__':
    while True:
        multiprocessing.Process(target=nap).start()
