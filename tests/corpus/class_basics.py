# Classes: attributes, methods, class attributes, properties, static and class methods.


class Account:
    bank = "Interleave Savings"
    opened = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.opened += 1

    def deposit(self, amount):
        self.balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"{self.owner} cannot withdraw {amount}")
        self.balance -= amount
        return self.balance

    @property
    def rich(self):
        return self.balance >= 100

    @staticmethod
    def fee(amount):
        return round(amount * 0.01, 2)

    @classmethod
    def empty(cls, owner):
        return cls(owner)

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


a = Account("ada", 50)
b = Account.empty("bob")
a.deposit(30).deposit(40)
print(a, b, a.rich, b.rich)
print(a.withdraw(20), Account.fee(250), a.fee(10))
try:
    b.withdraw(5)
except ValueError as e:
    print("error:", e)
print(Account.opened, a.bank, Account.bank, type(a).__name__, Account.__name__)
print(isinstance(a, Account), isinstance(3, Account), type(a) is Account)
a.nickname = "countess"
print(a.nickname, sorted(a.__dict__), hasattr(a, "nickname"), hasattr(b, "nickname"))
del a.nickname
print(getattr(a, "nickname", "gone"), getattr(a, "owner"))
setattr(b, "balance", 7)
print(b.balance, [acct.owner for acct in (a, b)], str(b), f"{a}")
print(Account.__qualname__, Account.deposit.__name__, callable(a.deposit))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Account()
except TypeError as e:
    print("TypeError:", e)
