# id: cancel
# title: Cancelling a long download
# summary: main starts a download that would take ten seconds, loses patience after 0.9 s and cancels it; the download cleans up.
# concept: Task.cancel() and handling CancelledError
# notice: cancel() does not stop the task on the spot. It asks, and the CancelledError
#   arrives inside the download at the await where it is paused, so its except and finally
#   blocks get to run. The download re-raises the error, so its lane ends as cancelled, and
#   main, which was awaiting it, sees the same CancelledError.
import asyncio


async def download(name, chunks):
    received = 0
    try:
        for _ in range(chunks):
            await asyncio.sleep(0.2)  # waiting for the next chunk
            received += 1
            print(f"{name}: chunk {received} of {chunks}")
        return "complete"
    except asyncio.CancelledError:
        print(f"{name}: cancelled after {received} chunks, deleting the partial file")
        raise  # let the cancellation finish the task
    finally:
        print(f"{name}: connection closed")


async def main():
    task = asyncio.create_task(download("holiday-video.mp4", 50))
    await asyncio.sleep(0.9)
    print("main: this is taking too long, cancelling")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the download was cancelled:", task.cancelled())


asyncio.run(main())
