# expect: error
# says: OverflowError
from concurrent.futures import ProcessPoolExecutor

def power():
    return 2 ** 10000

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=1) as pool:
        print(pool.submit(power).result())
