# Checks that timers fire in deadline order regardless of the order tasks were created, with progress printed.
import asyncio


async def alarm(label, delay, log):
    await asyncio.sleep(delay)
    log.append(label)
    print(f"{label:>6} rang at step {len(log)}")


async def main():
    loop = asyncio.get_running_loop()
    log = []
    plan = [("five", 0.3), ("one", 0.06), ("four", 0.24), ("two", 0.12), ("three", 0.18)]
    start = loop.time()
    await asyncio.gather(*[alarm(label, delay, log) for label, delay in plan])
    print(log, f"{loop.time() - start:.1f}")
    order = sorted(plan, key=lambda p: p[1])
    print("matches sorted plan:", [label for label, d in order] == log)


asyncio.run(main())
