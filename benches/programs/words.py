N = 1500000


WORDS = "the quick brown fox jumps over the lazy dog while the cat sleeps and the bird sings".split()
text = " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(N))
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
