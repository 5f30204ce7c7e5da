# Checks ThreadPoolExecutor-K numbering: K counts pools as they are created, even unused ones, while the asyncio default pool is named asyncio_N and takes no number.
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor


def name():
    return threading.current_thread().name


async def main():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, name)


print("default pool:", asyncio.run(main()))
with ThreadPoolExecutor(max_workers=1) as unused:
    pass
with ThreadPoolExecutor(max_workers=1) as used:
    print("after one unused pool:", used.submit(name).result())
with ThreadPoolExecutor(max_workers=1) as outer:
    with ThreadPoolExecutor(max_workers=1) as inner:
        print("nested:", inner.submit(name).result(), outer.submit(name).result())
print("main:", name())
