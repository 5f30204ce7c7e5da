# id: awaits-at-once
# title: Breakfast, every appliance at once
# summary: The kettle, the toaster and the egg timer are switched on together with asyncio.gather, and the cook waits for all three.
# concept: concurrent awaits overlap
# notice: gather wraps each call in a task, and all three are switched on before any of
#   them is done: their awaiting bars lie on top of each other and the loop is idle while
#   they run. Breakfast is ready when the slowest appliance is, 0.6 s, instead of the 1.4 s
#   of doing them in turn. The appliances are no faster; the waits simply overlap.
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
    await asyncio.gather(*[use(appliance, done, seconds) for appliance, done, seconds in APPLIANCES])
    elapsed = time.perf_counter() - started
    print(f"breakfast is ready after {elapsed:.1f} s, the longest of the three waits")


asyncio.run(main())
