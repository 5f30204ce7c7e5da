# id: async-client
# title: An async client sends five requests
# summary: The same five requests to the same slow server, sent by an asyncio client that does not wait for one answer before sending the next.
# concept: asynchronous I/O keeps many requests in flight
# notice: All five requests go out at the start, each in its own task, and their awaiting
#   bars overlap while the event loop sits idle. The answers come back in order of latency,
#   not in the order the requests were sent, and the last one arrives after 0.4 s, the
#   slowest latency, instead of the 1.4 s the blocking client needs. (asyncio.sleep stands
#   in for the network.)
import asyncio
import time

# how long the server takes to answer each request, in seconds
LATENCY = {
    "/profile": 0.22,
    "/orders": 0.37,
    "/cart": 0.26,
    "/messages": 0.18,
    "/recommendations": 0.33,
}


async def get(path):
    await asyncio.sleep(LATENCY[path])  # hands the wait to the event loop
    return f"200 OK {path}"


async def fetch(path):
    print(f"GET {path}")
    response = await get(path)
    print(f"  {response} after {LATENCY[path]} s")


async def main():
    started = time.perf_counter()
    await asyncio.gather(*[fetch(path) for path in LATENCY])
    elapsed = time.perf_counter() - started
    print(f"{len(LATENCY)} answers after {elapsed:.1f} s, the longest latency")


asyncio.run(main())
