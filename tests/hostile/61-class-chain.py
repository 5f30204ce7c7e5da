# expect: ok
# says: dropped 1000000 nodes
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next


head = None
for i in range(1000000):
    head = Node(i, head)
count = head.value + 1
head = None
print("dropped", count, "nodes")
