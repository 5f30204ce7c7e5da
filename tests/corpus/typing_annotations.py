# Annotations and the typing module: imported, used in signatures and aliases, never checked.
import asyncio
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, TypeVar, Union, cast

import typing

T = TypeVar("T")
Results = Dict[str, List[int]]
Handler = Callable[[int, str], Optional[bool]]


def first(items: List[T], default: Optional[T] = None) -> Optional[T]:
    return items[0] if items else default


async def fetch(name: str, delay: float = 0.01) -> Tuple[str, float]:
    await asyncio.sleep(delay)
    return name, delay


async def gather_all(names: List[str]) -> Results:
    results: Results = {}
    pairs: List[Tuple[str, float]] = await asyncio.gather(*(fetch(n) for n in names))
    for name, _ in pairs:
        results.setdefault(name[0], []).append(len(name))
    return results


def run(job: Callable[..., Awaitable[Any]], *args: Any) -> Any:
    return asyncio.run(job(*args))


count: int = 0
label: Union[int, str]
print(first([3, 4]), first([], "empty"), cast(int, "not checked"))
print(run(gather_all, ["alpha", "beta", "apple"]))
print(Results, Handler, T, typing.TYPE_CHECKING, Optional[int], Union[int, None, str])
