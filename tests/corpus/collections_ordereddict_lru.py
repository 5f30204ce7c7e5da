# OrderedDict: move_to_end, popitem(last=False) and an LRU cache class built on it.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print("b to end:", list(od.items()))
od.move_to_end("c", last=False)
print("c to front:", list(od.keys()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1), {"x": 1, "y": 2} == OrderedDict(y=2, x=1))


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old_key, old_value = self.data.popitem(last=False)
            print(f"  evict {old_key}={old_value}")

    def __repr__(self):
        return f"LRUCache({list(self.data.items())})"


cache = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    cache.put(k, v)
print(cache)
print(cache.get("a"), cache.get("z", "none"))
cache.put("d", 4)
print(cache)
cache.put("c", 30)
cache.put("e", 5)
print(cache, cache.hits, cache.misses)


def fib_with_cache(n, cache):
    cached = cache.get(n)
    if cached is not None:
        return cached
    result = n if n < 2 else fib_with_cache(n - 1, cache) + fib_with_cache(n - 2, cache)
    cache.put(n, result)
    return result


small = LRUCache(4)
print(fib_with_cache(12, small), small.hits, small.misses)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    od.move_to_end("zzz")
except KeyError as e:
    print("KeyError:", e)
