# Checks an uncaught exception raised in main after some output: traceback on stderr and exit status 1.
import asyncio


def parse(text):
    return int(text)


async def main():
    print("parsing 12 ->", parse("12"))
    await asyncio.sleep(0.01)
    print("parsing 'twelve' next")
    parse("twelve")
    print("never printed")


asyncio.run(main())
print("never printed either")
