# id: blocking-client
# title: A blocking client sends five requests
# summary: A client written with blocking calls asks a slow server for five pages, each request after the previous answer.
# concept: blocking I/O waits one request at a time
# notice: There are no tasks here, only the main thread: each request blocks it until
#   the answer arrives, so its lane is one blocked bar after another and the five waits add
#   up to 1.4 s. The thread spends almost all of that time doing nothing, yet it cannot send
#   the next request. (time.sleep stands in for the network: the server's answer takes that
#   long to come back.)
import time

# how long the server takes to answer each request, in seconds
LATENCY = {
    "/profile": 0.22,
    "/orders": 0.37,
    "/cart": 0.26,
    "/messages": 0.18,
    "/recommendations": 0.33,
}


def get(path):
    time.sleep(LATENCY[path])  # blocks the whole thread until the answer arrives
    return f"200 OK {path}"


started = time.perf_counter()
for path in LATENCY:
    print(f"GET {path}")
    response = get(path)
    print(f"  {response} after {LATENCY[path]} s")
elapsed = time.perf_counter() - started
print(f"{len(LATENCY)} answers after {elapsed:.1f} s, the sum of the latencies")
