# id: hello
# title: Hello, with a pause
# summary: One coroutine says hello, waits a second without doing any work, and finishes the sentence.
# concept: coroutines, await and the event loop
# notice: The task is busy for only an instant at each end of the run. For the second in
#   between it is awaiting asyncio.sleep(1), and the event loop has nothing to do, so it
#   sits idle. Waiting costs no work: the loop would be free to run other tasks meanwhile.
import asyncio
import time


async def main():
    print("Hello...")
    started = time.perf_counter()
    await asyncio.sleep(1)  # pause here and hand control back to the event loop
    waited = time.perf_counter() - started
    print(f"...world! (after a pause of {waited:.1f} s)")


asyncio.run(main())
