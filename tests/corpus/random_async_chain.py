# Chained coroutines with seeded random delays: each chain's two parts wait a random number
# of hundredths of a second, so the seed decides the order in which the chains finish.
import asyncio
import random

random.seed(444)


async def fetch_part(chain, step):
    delay = random.randint(0, 10) / 100
    print(f"chain {chain} step {step}: waiting {delay} s")
    await asyncio.sleep(delay)
    return f"chain{chain}-{step}"


async def run_chain(chain):
    first = await fetch_part(chain, 1)
    second = await fetch_part(chain, 2)
    print(f"chain {chain} done: {first} then {second}")
    return second


async def main(*chains):
    finished = await asyncio.gather(*(run_chain(c) for c in chains))
    print("gathered:", finished)
    picks = [random.choice(finished) for _ in range(3)]
    print("picked:", picks, "and a roll of", random.randint(1, 6))


asyncio.run(main(1, 2, 3))
