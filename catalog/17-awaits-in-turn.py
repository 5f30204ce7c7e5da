# id: awaits-in-turn
# title: Breakfast, one appliance at a time
# summary: The kettle, the toaster and the egg timer are started one by one, each only after the previous one has finished.
# concept: sequential awaits add up
# notice: Each await waits for its appliance before the next line runs, so the main task
#   awaits one appliance at a time while the loop sits idle: the waits line up end to end
#   and breakfast takes their sum, 1.4 s. Nothing here is slow; the cook just never starts
#   the next thing while something else is working. Compare it with the version where all
#   three are switched on at once.
import asyncio
import time

# (appliance, what happens when it is done, seconds it works on its own)
APPLIANCES = [
    ("kettle", "the water boils", 0.56),
    ("toaster", "the toast pops up", 0.32),
    ("egg timer", "the eggs are done", 0.48),
]


async def use(appliance, done, seconds):
    print(f"switch on the {appliance}")
    await asyncio.sleep(seconds)  # the appliance works; the cook only waits for it
    print(f"  {done} after {seconds} s")


async def main():
    started = time.perf_counter()
    for appliance, done, seconds in APPLIANCES:
        await use(appliance, done, seconds)  # finished before the next one is switched on
    elapsed = time.perf_counter() - started
    print(f"breakfast is ready after {elapsed:.1f} s, the sum of the three waits")


asyncio.run(main())
