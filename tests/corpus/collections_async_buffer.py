# An asyncio producer/consumer pipeline using a deque buffer, a Counter of events and namedtuple jobs.
import asyncio
from collections import deque, Counter, namedtuple, defaultdict

Job = namedtuple("Job", "id kind size")
buffer = deque(maxlen=2)
events = Counter()
done_by = defaultdict(list)


async def producer(jobs, delay):
    for job in jobs:
        await asyncio.sleep(delay)
        if len(buffer) == buffer.maxlen:
            print(f"buffer full, dropping job {buffer[0].id}")
            events["dropped"] += 1
        buffer.append(job)
        events["produced"] += 1
        print(f"produced {job.id} ({job.kind}), buffer={[j.id for j in buffer]}")
    events["producers_done"] += 1


async def consumer(name, delay):
    while True:
        if buffer:
            job = buffer.popleft()
            await asyncio.sleep(delay * job.size)
            done_by[name].append(job.id)
            events[job.kind] += 1
            print(f"{name} finished job {job.id}")
        elif events["producers_done"] == 2:
            print(f"{name} stops")
            return len(done_by[name])
        else:
            await asyncio.sleep(0.001)


async def main():
    smalls = [Job(i, "small", 1) for i in range(1, 4)]
    bigs = [Job(i, "big", 2) for i in range(10, 12)]
    results = await asyncio.gather(
        producer(smalls, 0.08),
        producer(bigs, 0.06),
        consumer("c1", 0.105),
    )
    print("consumer handled", results[2])
    print(dict(done_by))
    print(events.most_common())
    print(buffer, len(buffer))


asyncio.run(main())
