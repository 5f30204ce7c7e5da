# id: exhibition-in-turn
# title: The exhibition, one board after another
# summary: A grandmaster plays four opponents by finishing the game on one board before she sits down at the next.
# concept: waiting in turn: the worker idles while each opponent thinks
# theme: chess
# notice: The grandmaster is the event loop and each move of hers is a short blocking think.
#   Here she stays at one board until that game is over, so while an opponent thinks the
#   loop lane is idle: she is waiting, not working. Only one board is ever in play, and the
#   exhibition takes the sum of every move and every reply, 1.8 s. Compare it with the
#   version where she walks on to the next board while the opponent thinks.
import asyncio
import time

BOARDS = 4
MOVES = 2  # moves the grandmaster makes on each board
HER_MOVE = 0.04  # seconds of her full attention per move
THEIR_REPLY = 0.18  # seconds an opponent thinks before replying


async def play(board):
    for move in range(1, MOVES + 1):
        time.sleep(HER_MOVE)  # her move: she thinks of nothing else meanwhile
        print(f"board {board}: the grandmaster makes move {move}")
        await asyncio.sleep(THEIR_REPLY)  # the opponent thinks
        print(f"board {board}: the opponent replies")


async def main():
    started = time.perf_counter()
    for board in range(1, BOARDS + 1):
        await play(board)  # she stays at this board until the game is over
    elapsed = time.perf_counter() - started
    print(f"{BOARDS} boards, one after another: the exhibition took {elapsed:.1f} s")


asyncio.run(main())
