# id: grandmaster
# title: A chess grandmaster plays four boards at once
# summary: One grandmaster walks from board to board; while each opponent thinks, she makes her move on the next board.
# concept: concurrency as one worker switching between waits
# theme: chess
# notice: The grandmaster is the event loop: she makes one move at a time, and each move
#   (a short blocking think) shows as the loop being busy. The opponents' long thinking is
#   an awaited sleep, so the loop is free to serve another board meanwhile. Playing the
#   games one after another would take 5.6 s; switching boards brings it down to about 1.6 s
#   without the grandmaster ever working faster.
import asyncio
import time

BOARDS = 4
MOVES_PER_GAME = 3
GRANDMASTER_THINKS = 0.05  # seconds of her full attention per move
OPPONENT_THINKS = 0.42  # seconds each opponent needs to reply


async def play(board):
    for move in range(1, MOVES_PER_GAME + 1):
        time.sleep(GRANDMASTER_THINKS)  # her own move: she can do nothing else meanwhile
        print(f"board {board}: grandmaster plays move {move}")
        await asyncio.sleep(OPPONENT_THINKS)  # the opponent thinks; she walks on
        print(f"board {board}: opponent replies")
    print(f"board {board}: game over")


async def main():
    one_by_one = BOARDS * MOVES_PER_GAME * (GRANDMASTER_THINKS + OPPONENT_THINKS)
    print(f"Playing the games one after another would take {one_by_one:.1f} s.")
    started = time.perf_counter()
    await asyncio.gather(*[play(board) for board in range(1, BOARDS + 1)])
    print(f"The simultaneous exhibition took {time.perf_counter() - started:.1f} s.")


asyncio.run(main())
