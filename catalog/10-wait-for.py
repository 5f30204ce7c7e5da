# id: wait-for
# title: Giving up with wait_for
# summary: Two servers are asked with a one-second limit; the fast one answers, the slow one is cancelled when time runs out.
# concept: timeouts with asyncio.wait_for
# notice: wait_for runs the request as its own task and starts a timer. The fast server
#   answers first and its result comes straight back. For the slow server the timer wins:
#   wait_for cancels the request, waits for it to finish cleaning up, and only then raises
#   TimeoutError in main, one second after asking.
import asyncio
import time

LIMIT = 1.0


async def ask(server, seconds):
    print(f"{server}: asked (needs {seconds} s)")
    try:
        await asyncio.sleep(seconds)  # stands in for a slow network call
    except asyncio.CancelledError:
        print(f"{server}: request cancelled")
        raise
    print(f"{server}: answered")
    return f"hello from {server}"


async def main():
    for server, seconds in [("fast server", 0.3), ("slow server", 3)]:
        started = time.perf_counter()
        try:
            answer = await asyncio.wait_for(ask(server, seconds), timeout=LIMIT)
            print(f"main: got {answer}")
        except TimeoutError:
            print(f"main: no answer within {LIMIT} s")
        print(f"main: that took {time.perf_counter() - started:.1f} s\n")


asyncio.run(main())
