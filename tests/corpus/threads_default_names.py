# Checks default thread names "Thread-N (target)", that naming a thread skips the counter, lambda targets, and MainThread.
import threading

seen = []


def report():
    seen.append(threading.current_thread().name)


def other_job():
    seen.append(threading.current_thread().name)


print(threading.current_thread().name)
threads = [
    threading.Thread(target=report),
    threading.Thread(target=report, name="named"),
    threading.Thread(target=other_job),
    threading.Thread(target=lambda: seen.append(threading.current_thread().name)),
    threading.Thread(target=report, args=()),
]
print([t.name for t in threads])
for t in threads:
    t.start()
    t.join()
print(seen)
later = threading.Thread(target=report)
print(later.name)
