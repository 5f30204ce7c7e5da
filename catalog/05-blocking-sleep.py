# id: blocking-sleep
# title: time.sleep versus asyncio.sleep
# summary: Three tasks each wait 0.4 s, first with time.sleep, then with await asyncio.sleep.
# concept: blocking calls on the event loop
# notice: time.sleep does not give control back, so the first three waits happen one after
#   another and the loop lane shows it blocked for 1.2 s; the other tasks sit in the ready
#   state meanwhile. With await asyncio.sleep the three waits overlap and the round takes
#   0.4 s. Inside a coroutine, anything that waits should be awaited.
import asyncio
import time


async def blocking_nap(name):
    print(f"{name}: time.sleep(0.4), holding the loop")
    time.sleep(0.4)  # the whole event loop stops here
    print(f"{name}: awake")


async def polite_nap(name):
    print(f"{name}: await asyncio.sleep(0.4), loop stays free")
    await asyncio.sleep(0.4)  # only this task pauses
    print(f"{name}: awake")


async def three_naps(nap):
    started = time.perf_counter()
    await asyncio.gather(nap("A"), nap("B"), nap("C"))
    return time.perf_counter() - started


async def main():
    blocked = await three_naps(blocking_nap)
    print(f"three time.sleep naps took {blocked:.1f} s\n")
    shared = await three_naps(polite_nap)
    print(f"three asyncio.sleep naps took {shared:.1f} s")


asyncio.run(main())
