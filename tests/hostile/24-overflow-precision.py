# expect: ok
# says: 70002\n
print(len(f'{1.5:.70000f}'))
