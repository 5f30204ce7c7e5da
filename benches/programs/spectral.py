N = 250


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v):
    n = len(v)
    return [sum([eval_a(i, j) * v[j] for j in range(n)]) for i in range(n)]


def mul_atv(v):
    n = len(v)
    return [sum([eval_a(j, i) * v[j] for j in range(n)]) for i in range(n)]


def mul_atav(v):
    return mul_atv(mul_av(v))


u = [1.0] * N
for _ in range(10):
    v = mul_atav(u)
    u = mul_atav(v)
vbv = sum([a * b for a, b in zip(u, v)])
vv = sum([b * b for b in v])
result = (vbv / vv) ** 0.5
