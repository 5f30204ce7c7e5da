# expect: ok
# says: dropped\n
# time_limit: 20
x = []
for i in range(1000000):
    x = [x]
del x
print('dropped')
