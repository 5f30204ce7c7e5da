# Checks that timers fire in deadline order regardless of the order tasks were created, with progress printed.
import asyncio


async def alarm(label, delay, log):
    await asyncio.sleep(delay)
    log.append(label)
    print(f"{label:>6} rang at step {len(log)}")


async def main():
    loop = asyncio.get_running_loop()
    log = []
    plan = [("five", 0.25), ("one", 0.05), ("four", 0.2), ("two", 0.1), ("three", 0.15)]
    start = loop.time()
    await asyncio.gather(*[alarm(label, delay, log) for label, delay in plan])
    print(log, f"{loop.time() - start:.2f}")
    order = sorted(plan, key=lambda p: p[1])
    print("matches sorted plan:", [label for label, d in order] == log)


asyncio.run(main())
