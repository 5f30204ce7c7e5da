# id: gather
# title: Four downloads at once
# summary: gather() runs four fake downloads of different sizes together and reports progress as chunks arrive.
# concept: concurrency with asyncio.gather
# notice: Each download gets its own task lane, and its awaiting bars are the pauses between
#   chunks. The progress lines from different files interleave in the output because every
#   pause lets another download take its turn. The whole batch ends with the slowest file,
#   and gather hands back the results in the order the downloads were listed, not the order
#   they finished.
import asyncio
import time

# name, number of chunks, seconds per chunk
DOWNLOADS = [("cat.jpg", 4, 0.1), ("song.mp3", 3, 0.25), ("notes.txt", 1, 0.15), ("movie.mp4", 5, 0.22)]


async def download(name, chunks, seconds_per_chunk):
    for chunk in range(1, chunks + 1):
        await asyncio.sleep(seconds_per_chunk)  # waiting for the next chunk to arrive
        percent = 100 * chunk // chunks
        print(f"{name:<10} {percent:>3}%")
    return f"{name}: {chunks * 64} KB"


async def main():
    started = time.perf_counter()
    results = await asyncio.gather(*[download(name, n, s) for name, n, s in DOWNLOADS])
    print(f"\nall finished after {time.perf_counter() - started:.1f} s:")
    for result in results:
        print("  " + result)


asyncio.run(main())
