# id: two-bakers
# title: One baker or two bakers
# summary: The same two cakes are made twice: first by Ada alone, who fills the oven's time with work on the other cake, then by Ada and Bea side by side in two processes.
# concept: concurrency versus parallelism
# theme: bakery
# notice: In round 1 all mixing and decorating runs on the one event loop, so those bars
#   never overlap: only the oven's waits do. In round 2 the hands-on work goes to two worker
#   processes, and the core lanes show two CPUs busy at the same moment. The recipe and the
#   oven are the same; round 2 is shorter only because two pairs of hands work at once, and
#   it is not twice as fast because the oven takes as long as before.
import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor

PREHEAT = 0.5  # seconds for the oven to get hot
BAKE = 0.4  # seconds in the oven: the hands are free meanwhile
# seconds of hands-on work for each cake: (mixing, decorating)
RECIPES = {"chocolate": (0.25, 0.17), "lemon": (0.38, 0.3)}


def hands_on(seconds):
    # Busy work that needs a CPU the whole time: whoever runs it can do nothing else.
    strokes = 0
    done_at = time.perf_counter() + seconds
    while time.perf_counter() < done_at:
        strokes += 1
    return os.getpid()


async def warm_oven():
    print("  oven: warming up")
    await asyncio.sleep(PREHEAT)
    print("  oven: hot")


async def work(seconds, helpers):
    if helpers is None:
        return hands_on(seconds)  # on the loop itself: everything else waits
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(helpers, hands_on, seconds)  # in a worker process


async def make_cake(baker, cake, oven_hot, helpers):
    mixing, decorating = RECIPES[cake]
    print(f"  {baker}: mixing the {cake} batter")
    pids = [await work(mixing, helpers)]
    await oven_hot
    print(f"  {baker}: the {cake} cake goes into the oven")
    await asyncio.sleep(BAKE)
    print(f"  {baker}: decorating the {cake} cake")
    pids.append(await work(decorating, helpers))
    print(f"  {baker}: the {cake} cake is ready")
    return pids


async def bake_two_cakes(first, second, helpers):
    started = time.perf_counter()
    oven_hot = asyncio.create_task(warm_oven(), name="oven")
    cakes = [
        asyncio.create_task(make_cake(first, "chocolate", oven_hot, helpers), name=f"{first}: chocolate cake"),
        asyncio.create_task(make_cake(second, "lemon", oven_hot, helpers), name=f"{second}: lemon cake"),
    ]
    pids = await asyncio.gather(*cakes)
    workers = {}
    for cake_pids in pids:
        for pid in cake_pids:
            workers[pid] = True
    return time.perf_counter() - started, workers


async def main():
    here = os.getpid()
    print("Round 1: Ada bakes both cakes alone")
    alone, workers = await bake_two_cakes("Ada", "Ada", None)
    print(f"  done after {alone:.1f} s; every stroke was made in this process:", list(workers) == [here])

    print("\nRound 2: Ada and Bea bake one cake each, in two worker processes")
    with ProcessPoolExecutor(max_workers=2) as helpers:
        together, workers = await bake_two_cakes("Ada", "Bea", helpers)
    print(f"  done after {together:.1f} s; the strokes were made in {len(workers)} other processes:", here not in workers)

    print("\nTwo bakers finished sooner:", together < alone)


if __name__ == "__main__":
    asyncio.run(main())
