# A dataclass per job, scheduled by coroutines: records of what ran when, sorted by priority.
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(default="job")
    log: list = field(default_factory=list)

    async def run(self, delay):
        self.log.append(f"start {self.name}")
        await asyncio.sleep(delay)
        self.log.append(f"end {self.name}")
        return self


@dataclass
class Report:
    jobs: list
    done: int = 0

    def summary(self):
        return ", ".join(f"{j.name}:{j.priority}" for j in sorted(self.jobs))


async def main():
    jobs = [Job(3, "mail"), Job(1, "backup"), Job(2, "index")]
    finished = await asyncio.gather(*(j.run(j.priority / 100) for j in jobs))
    report = Report(finished, done=len(finished))
    print(report.summary(), report.done)
    print(min(jobs), max(jobs).log, Job(1, "backup", ["x"]) == Job(1, "backup", ["x"]))
    print(report.jobs[0] is jobs[0], Job(2) < Job(2, "z"))


asyncio.run(main())
