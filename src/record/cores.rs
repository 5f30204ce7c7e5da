//! CPU-core lanes: which thread of the run each CPU of the machine is executing.
//!
//! A thread is on a CPU while its lane is `running` or `native`. When it starts executing (takes
//! the GIL) its CPU is sampled with `sched_getcpu`, and that core's lane shows it `running`,
//! labelled with the thread's lane name; when it stops (releases the GIL to wait, block or end)
//! it leaves the core, which shows the thread seen on it before that is still there, or goes
//! `idle`. Native work keeps its thread on its core although the GIL is released. While threads
//! execute, their CPUs are looked at again every few milliseconds (in `/proc`), so a thread the
//! scheduler moves while it holds on (a CPU-bound loop, native work) moves to its new core.
//!
//! A run has one set of core lanes, in the process that runs it. A child process keeps its own
//! table, and the parent replays what that table shows ([`Cores::enter_at`],
//! [`Cores::leave_at`]) on the run's lanes, at the times the child recorded. Those reports
//! arrive late, so a core's events never go back in time: one older than the core's last change
//! takes effect at that change, and a late thread goes under the one seen on the core after it.
//!
//! These transitions are rare (a GIL switch every few milliseconds at most), so the table sits
//! behind one mutex. A core lane's events come from several threads, so they skip the
//! per-thread buffers and go straight to the run log, in the order the table changed.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;

use super::recorder::{self, RunRecording};
use crate::trace::event::{Event, EventKind, LaneIx, LaneKind, State};

/// What a core lane is named: `CPU 3`.
const CORE_PREFIX: &str = "CPU ";
/// How often the CPU of each executing thread is looked at again.
const RESAMPLE: Duration = Duration::from_millis(10);

/// The core lanes of one run, and the thread each one shows.
#[derive(Default)]
pub struct Cores {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    /// Indexed by CPU number, once that CPU's lane is declared.
    cores: Vec<Option<Core>>,
    /// Where each executing thread lane was last seen.
    seen_on: HashMap<LaneIx, Seen>,
    /// The names of the lanes that run on CPUs (threads and event loops), for the labels.
    names: HashMap<LaneIx, Arc<str>>,
    /// A thread follows the executing threads from CPU to CPU.
    following: bool,
}

/// An executing thread: the CPU it was last seen on, and its OS thread id.
#[derive(Clone, Copy)]
struct Seen {
    cpu: usize,
    tid: libc::pid_t,
}

struct Core {
    lane: LaneIx,
    /// The thread lanes seen on the core and still there, with their labels; the core shows
    /// the last one.
    claims: Vec<(LaneIx, Option<Arc<str>>)>,
    /// When the core's lane last changed.
    last_ns: u64,
}

/// The thread of `lane` is executing (from now on, on the CPU it runs on now).
pub fn on_cpu(lane: LaneIx) {
    if let (Some(run), Some(cpu)) = (recorder::current_run(), current_cpu()) {
        // SAFETY: gettid has no preconditions and cannot fail.
        let tid = unsafe { libc::gettid() };
        run.cores.enter(&run, lane, Seen { cpu, tid });
    }
}

/// The thread of `lane` stopped executing.
pub fn off_cpu(lane: LaneIx) {
    if let Some(run) = recorder::current_run() {
        run.cores.leave(&run, lane);
    }
}

/// The CPU a core lane named `name` stands for (`3` for `CPU 3`).
pub fn cpu_of(name: &str) -> Option<usize> {
    name.strip_prefix(CORE_PREFIX)?.parse().ok()
}

impl Cores {
    /// Remembers the name of a lane that can run on a CPU.
    pub fn name_lane(&self, lane: LaneIx, name: &Arc<str>) {
        self.table.lock().names.insert(lane, name.clone());
    }

    /// The thread of `lane` executes, as `at` says; the first to do so while none does starts
    /// the thread that follows them.
    fn enter(&self, run: &Arc<RunRecording>, lane: LaneIx, at: Seen) {
        let mut table = self.table.lock();
        table.enter(run, lane, at);
        if !std::mem::replace(&mut table.following, true) {
            let run = run.clone();
            std::thread::Builder::new()
                .name("interleave-cores".into())
                .spawn(move || follow_threads(&run))
                .expect("the OS can start a thread");
        }
    }

    fn leave(&self, run: &RunRecording, lane: LaneIx) {
        self.table.lock().leave(run, lane);
    }

    /// A thread another process reported (`occupant` stands for it here) runs on `cpu` from
    /// `t_ns` on, shown as `label`.
    pub fn enter_at(
        &self,
        run: &RunRecording,
        t_ns: u64,
        cpu: usize,
        occupant: LaneIx,
        label: Arc<str>,
    ) {
        let mut table = self.table.lock();
        let mut events = Vec::new();
        let core = table.core(run, cpu, &mut events);
        events.extend(core.claim(t_ns, occupant, Some(label)));
        run.sink.append(events);
    }

    /// `occupant`, entered with [`Cores::enter_at`], left `cpu` at `t_ns`.
    pub fn leave_at(&self, run: &RunRecording, t_ns: u64, cpu: usize, occupant: LaneIx) {
        let mut table = self.table.lock();
        let Some(core) = table.cores.get_mut(cpu).and_then(Option::as_mut) else {
            return;
        };
        if let Some(event) = core.release(t_ns, occupant) {
            run.sink.append(vec![event]);
        }
    }
}

/// Every [`RESAMPLE`], moves the executing threads to the cores they run on now, until none
/// executes.
fn follow_threads(run: &RunRecording) {
    loop {
        std::thread::sleep(RESAMPLE);
        let mut table = run.cores.table.lock();
        if table.seen_on.is_empty() {
            table.following = false;
            return;
        }
        table.resample(run);
    }
}

impl Table {
    fn occupant(&self, cpu: usize) -> Option<LaneIx> {
        self.cores.get(cpu)?.as_ref()?.occupant()
    }

    /// Shows the thread of `lane` on the core of `at.cpu`, unless it shows it already.
    fn enter(&mut self, run: &RunRecording, lane: LaneIx, at: Seen) {
        let here = self.seen_on.get(&lane).map(|s| s.cpu) == Some(at.cpu);
        if here && self.occupant(at.cpu) == Some(lane) {
            return;
        }
        let t_ns = run.clock.now_ns();
        let mut events = Vec::new();
        self.vacate(t_ns, lane, &mut events);
        let label = self.names.get(&lane).cloned();
        let core = self.core(run, at.cpu, &mut events);
        events.extend(core.claim(t_ns, lane, label));
        self.seen_on.insert(lane, at);
        run.sink.append(events);
    }

    fn leave(&mut self, run: &RunRecording, lane: LaneIx) {
        let mut events = Vec::new();
        self.vacate(run.clock.now_ns(), lane, &mut events);
        run.sink.append(events);
    }

    /// Moves each executing thread the scheduler has moved to its new core; a thread that has
    /// ended meanwhile leaves its core.
    fn resample(&mut self, run: &RunRecording) {
        let seen: Vec<(LaneIx, Seen)> = self.seen_on.iter().map(|(l, s)| (*l, *s)).collect();
        for (lane, at) in seen {
            match cpu_of_thread(at.tid) {
                Some(cpu) if cpu != at.cpu => self.enter(run, lane, Seen { cpu, ..at }),
                Some(_) => {}
                None => self.leave(run, lane),
            }
        }
    }

    /// Takes `lane` off the CPU it was last seen on.
    fn vacate(&mut self, t_ns: u64, lane: LaneIx, events: &mut Vec<Event>) {
        let Some(Seen { cpu, .. }) = self.seen_on.remove(&lane) else {
            return;
        };
        if let Some(core) = self.cores[cpu].as_mut() {
            events.extend(core.release(t_ns, lane));
        }
    }

    /// The core of `cpu`. The first call declares a lane for every CPU this process may run
    /// on; a CPU outside that set gets its lane when first seen.
    fn core(&mut self, run: &RunRecording, cpu: usize, events: &mut Vec<Event>) -> &mut Core {
        if self.cores.is_empty() {
            for allowed in allowed_cpus() {
                self.declare(run, allowed, events);
            }
        }
        if self.cores.get(cpu).is_none_or(Option::is_none) {
            self.declare(run, cpu, events);
        }
        self.cores[cpu].as_mut().expect("declared above")
    }

    /// Declares the lane `CPU n`, idle from now on.
    fn declare(&mut self, run: &RunRecording, cpu: usize, events: &mut Vec<Event>) {
        if self.cores.len() <= cpu {
            self.cores.resize_with(cpu + 1, || None);
        }
        let t_ns = run.clock.now_ns();
        let mut core = Core {
            lane: run.alloc_lane(),
            claims: Vec::new(),
            last_ns: t_ns,
        };
        events.push(Event {
            seq: 0,
            t_ns,
            lane: core.lane,
            kind: EventKind::Lane {
                kind: LaneKind::Core,
                name: Arc::from(format!("{CORE_PREFIX}{cpu}")),
                detail: None,
                parent: None,
                pid: std::process::id(),
            },
        });
        events.push(core.show(t_ns, State::Idle, None));
        self.cores[cpu] = Some(core);
    }
}

impl Core {
    /// The thread lane the core shows running.
    fn occupant(&self) -> Option<LaneIx> {
        self.claims.last().map(|(lane, _)| *lane)
    }

    /// `lane` is on the core from `t_ns` on, shown as `label`. If the core has shown another
    /// thread since `t_ns`, it goes on showing it, with `lane` seen there before it.
    fn claim(&mut self, t_ns: u64, lane: LaneIx, label: Option<Arc<str>>) -> Option<Event> {
        let other_shown = self.occupant().is_some_and(|o| o != lane);
        self.claims.retain(|(l, _)| *l != lane);
        if other_shown && t_ns < self.last_ns {
            self.claims.insert(self.claims.len() - 1, (lane, label));
            return None;
        }
        self.claims.push((lane, label.clone()));
        Some(self.show(t_ns, State::Running, label))
    }

    /// `lane` left the core at `t_ns`: if the core showed it, it shows the thread seen there
    /// before it that is still there, or no thread.
    fn release(&mut self, t_ns: u64, lane: LaneIx) -> Option<Event> {
        let shown = self.occupant() == Some(lane);
        self.claims.retain(|(l, _)| *l != lane);
        if !shown {
            return None;
        }
        Some(match self.claims.last().cloned() {
            Some((_, label)) => self.show(t_ns, State::Running, label),
            None => self.show(t_ns, State::Idle, None),
        })
    }

    /// The core's lane is in `state` from `t_ns` on, or from its last change if that came
    /// later.
    fn show(&mut self, t_ns: u64, state: State, label: Option<Arc<str>>) -> Event {
        self.last_ns = self.last_ns.max(t_ns);
        Event {
            seq: 0,
            t_ns: self.last_ns,
            lane: self.lane,
            kind: EventKind::State {
                state,
                label,
                line: 0,
            },
        }
    }
}

/// The CPU the calling thread is running on.
fn current_cpu() -> Option<usize> {
    // SAFETY: sched_getcpu has no preconditions; it returns -1 on failure.
    usize::try_from(unsafe { libc::sched_getcpu() }).ok()
}

/// The CPU thread `tid` of this process runs on (or last ran on), from
/// `/proc/self/task/<tid>/stat`; `None` once the thread has ended.
fn cpu_of_thread(tid: libc::pid_t) -> Option<usize> {
    let stat = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
    // `tid (comm) state ...`: the CPU is the 39th field, the 37th after the name (which may
    // hold spaces and parentheses).
    let after_comm = &stat[stat.rfind(')')? + 1..];
    after_comm.split_whitespace().nth(36)?.parse().ok()
}

/// The CPUs this process may run on (its affinity mask), in order.
fn allowed_cpus() -> Vec<usize> {
    // SAFETY: an all-zero `cpu_set_t` is an empty set; `sched_getaffinity` writes at most its
    // size into it, and `CPU_ISSET` only reads it for CPU numbers below `CPU_SETSIZE`.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return Vec::new();
        }
        (0..libc::CPU_SETSIZE as usize)
            .filter(|&cpu| libc::CPU_ISSET(cpu, &set))
            .collect()
    }
}
