# Checks threads inside a child process: the child's main thread is MainThread, its threads run and are joined there, and its output arrives before the parent's join returns.
import multiprocessing
import os
import threading
import time


def helper(label, seconds, out):
    time.sleep(seconds)
    out.append(label)


def child(count):
    out = []
    workers = [threading.Thread(target=helper, args=(f"h{i}", 0.05 * (count - i), out), name=f"helper {i}") for i in range(count)]
    for w in workers:
        w.start()
    print("child: threads alive with main:", threading.active_count())
    for w in workers:
        w.join()
    print("child:", threading.current_thread().name, "collected", out)


if __name__ == "__main__":
    print("parent:", threading.current_thread().name)
    p = multiprocessing.Process(target=child, args=(3,))
    p.start()
    p.join()
    print("parent: child exitcode", p.exitcode, "and the parent still has", threading.active_count(), "thread")
