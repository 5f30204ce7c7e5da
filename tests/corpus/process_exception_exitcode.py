# Checks that an uncaught exception in a child process gives exitcode 1 (traceback on stderr only) and the parent carries on.
import multiprocessing


def fails(reason):
    raise RuntimeError(reason)


def succeeds(reason):
    return reason


if __name__ == "__main__":
    bad = multiprocessing.Process(target=fails, args=("the child gave up",))
    bad.start()
    bad.join()
    print("failing child exitcode:", bad.exitcode)
    good = multiprocessing.Process(target=succeeds, args=("fine",))
    good.start()
    good.join()
    print("working child exitcode:", good.exitcode)
    print("parent carries on")
