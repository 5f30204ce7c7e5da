# operator arithmetic and comparison functions with map, sorted, functools.reduce and a dispatch table.
import operator
from functools import reduce

a = [10, 7, -3, 4]
b = [3, 2, 5, 4]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow"]:
    fn = getattr(operator, name)
    print(f"{name:>8}: {list(map(fn, a, b))}")
print(list(map(operator.neg, a)), list(map(operator.abs, a)))
print(list(map(operator.eq, a, b)), list(map(operator.lt, a, b)), list(map(operator.ge, a, b)))
print(operator.not_(0), operator.truth("x"), operator.contains([1, 2], 2), operator.getitem("hey", 1))
print(operator.concat("ab", "cd"), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))

print(reduce(operator.add, [1, 2, 3, 4, 5]))
print(reduce(operator.mul, range(1, 8)))
print(reduce(operator.add, [[1], [2, 3], []], []))
print(reduce(operator.sub, [100, 10, 1]), reduce(operator.truediv, [1, 2, 4]))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv, "%": operator.mod}


def rpn(expression):
    stack = []
    for token in expression.split():
        if token in OPS:
            right = stack.pop()
            left = stack.pop()
            stack.append(OPS[token](left, right))
        else:
            stack.append(int(token))
    return stack[0]


for expr in ["3 4 +", "5 1 2 + 4 * + 3 -", "7 2 /", "7 2 //", "-7 2 %", "2 3 4 * *"]:
    print(f"{expr:<22} = {rpn(expr)}")
try:
    rpn("1 0 /")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

pairs = [(1, 5), (4, 2), (3, 3)]
print(sorted(pairs, key=lambda p: operator.sub(*p)))
print([operator.lt(x, y) for x, y in pairs], sum(map(operator.mul, *zip(*pairs))))
x = 5
x = operator.iadd(x, 3)
lst = [1]
operator.iadd(lst, [2])
print(x, lst, operator.index(7), operator.countOf([1, 2, 1], 1))
