# id: bakery
# title: One baker, one oven, two cakes
# summary: A single baker mixes, bakes and decorates two cakes, using the oven's time to work on the other cake.
# concept: concurrency is not parallelism
# theme: bakery
# notice: Mixing and decorating need the baker's hands, so they block the loop: no two of
#   them ever overlap. Preheating and baking need only the oven, so they are awaited and
#   overlap with the baker's work and with each other. Baking the cakes one at a time would
#   take 3.1 s; interleaving brings it to 1.8 s. It can never go below the 1.0 s of hands-on
#   work, because there is only one baker.
import asyncio
import time

MIX = 0.3  # hands-on
PREHEAT = 0.5  # the oven alone
BAKE = 0.8  # the oven alone
DECORATE = 0.2  # hands-on


async def preheat_oven():
    print("oven: heating up")
    await asyncio.sleep(PREHEAT)
    print("oven: hot")


async def make_cake(flavour, oven_ready):
    print(f"baker: mixing the {flavour} batter")
    time.sleep(MIX)  # the baker's hands are busy: nothing else can happen
    await oven_ready  # both cakes wait for the same preheating task
    print(f"oven: {flavour} cake goes in")
    await asyncio.sleep(BAKE)  # the oven works, the baker is free
    print(f"baker: decorating the {flavour} cake")
    time.sleep(DECORATE)
    print(f"{flavour} cake is ready")


async def main():
    one_at_a_time = PREHEAT + 2 * (MIX + BAKE + DECORATE)
    print(f"One cake at a time would take {one_at_a_time:.1f} s.")
    started = time.perf_counter()
    oven_ready = asyncio.create_task(preheat_oven())
    await asyncio.gather(make_cake("chocolate", oven_ready), make_cake("lemon", oven_ready))
    print(f"Both cakes were ready after {time.perf_counter() - started:.1f} s.")


asyncio.run(main())
