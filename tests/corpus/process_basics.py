# Checks multiprocessing.Process start/join: pid None before start, a real pid different from os.getpid(), exitcode None while running and 0 after, cpu_count() >= 1.
import multiprocessing
import os
import time


def work(seconds, label):
    time.sleep(seconds)


if __name__ == "__main__":
    print("cpu_count() >= 1:", multiprocessing.cpu_count() >= 1)
    print("os.getpid() is an int:", isinstance(os.getpid(), int))
    p = multiprocessing.Process(target=work, args=(0.2, "child"))
    print("before start: pid", p.pid, "exitcode", p.exitcode)
    p.start()
    print("started: exitcode", p.exitcode)
    print("child pid differs from mine:", p.pid != os.getpid())
    print("child pid is positive:", p.pid > 0)
    p.join()
    print("after join: exitcode", p.exitcode)

    pair = [multiprocessing.Process(target=work, args=(0.1, f"p{i}")) for i in range(2)]
    for q in pair:
        q.start()
    for q in pair:
        q.join()
    print("two more, exit codes:", [q.exitcode for q in pair])
    print("three different pids:", len({q.pid: 1 for q in pair + [p]}) == 3)
