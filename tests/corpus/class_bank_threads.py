# Accounts as objects shared by threads: each keeps its own lock, transfers take both in a fixed
# order, and the total never changes.
import threading


class Account:
    def __init__(self, number, balance):
        self.number = number
        self.balance = balance
        self.lock = threading.Lock()

    def __repr__(self):
        return f"Account({self.number}, {self.balance})"


class Bank:
    def __init__(self, accounts):
        self.accounts = accounts
        self.transfers = 0
        self.count_lock = threading.Lock()

    def transfer(self, src, dst, amount):
        first, second = sorted([src, dst], key=lambda a: a.number)
        with first.lock:
            with second.lock:
                if src.balance >= amount:
                    src.balance -= amount
                    dst.balance += amount
        with self.count_lock:
            self.transfers += 1

    def total(self):
        return sum(a.balance for a in self.accounts)


a, b, c = Account(1, 100), Account(2, 100), Account(3, 100)
bank = Bank([a, b, c])


def shuffle(src, dst, times):
    for _ in range(times):
        bank.transfer(src, dst, 3)


threads = [
    threading.Thread(target=shuffle, args=(a, b, 200)),
    threading.Thread(target=shuffle, args=(b, c, 200)),
    threading.Thread(target=shuffle, args=(c, a, 200)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bank.total(), bank.transfers, all(x.balance >= 0 for x in bank.accounts))
