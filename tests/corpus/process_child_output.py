# Checks that a child process's prints reach stdout before join() returns, and that the parent's earlier prints come first.
import multiprocessing


def child(name, count):
    for i in range(count):
        print(f"{name}: line {i + 1}")


if __name__ == "__main__":
    print("parent: before the child")
    p = multiprocessing.Process(target=child, args=("child A", 3))
    p.start()
    p.join()
    print("parent: A joined, exitcode", p.exitcode)
    q = multiprocessing.Process(target=child, args=("child B", 2))
    q.start()
    q.join()
    print("parent: B joined, exitcode", q.exitcode)
