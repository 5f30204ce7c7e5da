# id: cpu-bound
# title: Number crunching blocks the loop
# summary: Two coroutines count primes without ever awaiting, and a heartbeat that should tick every 0.1 s misses its beats.
# concept: CPU-bound work in coroutines
# notice: The two crunching tasks run one after the other, never side by side: a coroutine
#   keeps the loop until it reaches an await, and these never do. While they run, the
#   heartbeat's timer has long expired, yet its lane shows it ready and waiting for the
#   loop to be free. async does not make computation faster or parallel.
import asyncio
import time


def count_primes(limit):
    # Deliberately slow pure-Python work that never awaits.
    count = 0
    for n in range(2, limit):
        divisor = 2
        is_prime = True
        while divisor * divisor <= n:
            if n % divisor == 0:
                is_prime = False
                break
            divisor += 1
        if is_prime:
            count += 1
    return count


async def crunch(name, limit):
    print(f"{name}: counting primes below {limit}...")
    print(f"{name}: found {count_primes(limit)}")


async def heartbeat(beats):
    last = time.perf_counter()
    for beat in range(1, beats + 1):
        await asyncio.sleep(0.1)
        now = time.perf_counter()
        if now - last > 0.2:
            print(f"heartbeat {beat}: late, the loop was busy")
        else:
            print(f"heartbeat {beat}: on time")
        last = now


async def main():
    pulse = asyncio.create_task(heartbeat(8))
    await asyncio.sleep(0.25)
    await asyncio.gather(crunch("cruncher A", 200000), crunch("cruncher B", 200000))
    await pulse


asyncio.run(main())
