# id: hashing-threads
# title: Threads that do speed things up: hashing
# summary: Four 20 MB files are fingerprinted with SHA-256 one after another and then in four threads; the same is done again feeding the hash 1 KB at a time.
# concept: native code that releases the GIL
# notice: hashlib lets go of the GIL while it digests a large buffer, so in the first round
#   the thread lanes sit mostly in native code, outside the lock, and two cores hash at the
#   same moment. In the second round each piece is too small for hashlib to let go, so the
#   threads hold the GIL in turn and gain nothing. The threads are the same; what decides
#   is whether the work runs with the GIL released.
import hashlib
import threading
import time

SIZE = 20_000_000  # bytes per file
FILES = {"photos.tar": b"p" * SIZE, "music.tar": b"m" * SIZE, "mail.tar": b"e" * SIZE, "code.tar": b"c" * SIZE}
PASSES = 8  # times each file is fed through the hash
PIECE = b"k" * 1024  # 1 KB: small enough that hashlib keeps the GIL
PIECES = 120_000


def hash_file(name, results):
    h = hashlib.sha256()
    for _ in range(PASSES):
        h.update(FILES[name])  # one big buffer: the GIL is released while it is hashed
    results.append((name, h.hexdigest()))


def hash_pieces(name, results):
    h = hashlib.sha256()
    for _ in range(PIECES):
        h.update(PIECE)  # a small buffer: hashed while holding the GIL
    results.append((name, h.hexdigest()))


def one_after_another(job):
    results = []
    started = time.perf_counter()
    for name in FILES:
        job(name, results)
    return time.perf_counter() - started, sorted(results)


def four_threads(job):
    results = []
    workers = [threading.Thread(target=job, args=(name, results), name=f"hashing {name}") for name in FILES]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started, sorted(results)


def compare(job):
    # Each way runs twice and the faster run counts: other programs can only add time.
    alone, first = min(one_after_another(job), one_after_another(job))
    together, second = min(four_threads(job), four_threads(job))
    print("  same fingerprints both ways:", first == second)
    if together < 0.8 * alone:
        print("  four threads were faster than one after another")
    else:
        print("  four threads were no faster than one after another")
    return second


print(f"Round 1: each file fed to SHA-256 as one {SIZE // 1_000_000} MB buffer, {PASSES} times")
for name, digest in compare(hash_file):
    print(f"    {name:<10} {digest[:16]}...")
print(f"\nRound 2: {PIECES:,} pieces of 1 KB per file")
compare(hash_pieces)
