# id: tasks-vs-threads
# title: 10,000 tasks or 1,000 threads
# summary: The same job, waiting half a second and then reporting back, is done by 10,000 asyncio tasks and then by 1,000 threads; the start-up cost of each is measured.
# concept: the cost of tasks versus OS threads
# notice: A task is a small object on one event loop: the 10,000 of them share one thread,
#   and creating them all takes a moment. Each thread is a real OS thread with its own
#   stack, so starting just 1,000 of them takes longer per worker, and the process's memory
#   grows with every one. Waiting is what both do best: once started, all of them sleep
#   side by side and finish together.
import asyncio
import threading
import time

TASKS = 10_000
THREADS = 1_000
WAIT = 0.5


async def task_job(number, finished):
    await asyncio.sleep(WAIT)
    finished.append(number)


def thread_job(number, finished):
    time.sleep(WAIT)
    finished.append(number)


async def with_tasks():
    finished = []
    started = time.perf_counter()
    tasks = [asyncio.create_task(task_job(n, finished)) for n in range(TASKS)]
    await asyncio.sleep(0)  # let every task take its first step
    start_up = time.perf_counter() - started
    await asyncio.gather(*tasks)
    return start_up, len(finished)


def with_threads():
    finished = []
    started = time.perf_counter()
    workers = [threading.Thread(target=thread_job, args=(n, finished)) for n in range(THREADS)]
    for worker in workers:
        worker.start()
    start_up = time.perf_counter() - started
    for worker in workers:
        worker.join()
    return start_up, len(finished)


print(f"{TASKS:,} asyncio tasks, each waiting {WAIT} s:")
task_start, task_count = asyncio.run(with_tasks())
print(f"  {task_count:,} finished, all in {threading.current_thread().name}")
print(f"{THREADS:,} threads, each waiting {WAIT} s:")
thread_start, thread_count = with_threads()
print(f"  {thread_count:,} finished")
per_task = task_start / TASKS
per_thread = thread_start / THREADS
print("Starting one thread took longer than starting one task:", per_thread > per_task)
