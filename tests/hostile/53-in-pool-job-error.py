# expect: error
# says: MemoryError
from concurrent.futures import ThreadPoolExecutor

def grow():
    return 'a' * 2**40

with ThreadPoolExecutor() as pool:
    pool.submit(grow).result()
