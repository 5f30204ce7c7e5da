//! CPU-core lanes: which thread of the run each CPU of the machine is executing.
//!
//! A thread is on a CPU while its lane is `running` or `native`. When it starts executing (takes
//! the GIL) its CPU is sampled with `sched_getcpu`, and that core's lane shows it `running`,
//! labelled with the thread's lane name; when it stops (releases the GIL to wait, block or end)
//! the core goes `idle`, unless another thread has been seen on it since. Native work keeps its
//! thread on its core although the GIL is released.
//!
//! These transitions are rare (a GIL switch every few milliseconds at most), so the table sits
//! behind one mutex. A core lane's events come from several threads, so they skip the
//! per-thread buffers and go straight to the run log, in the order the table changed.

use std::collections::HashMap;
use std::sync::Arc;

use parking_lot::Mutex;

use super::recorder::{self, RunRecording};
use crate::trace::event::{Event, EventKind, LaneIx, LaneKind, State};

/// The core lanes of one run, and the thread each one shows.
#[derive(Default)]
pub struct Cores {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    /// Indexed by CPU number, once that CPU's lane is declared.
    cores: Vec<Option<Core>>,
    /// The CPU each executing thread lane was last seen on.
    seen_on: HashMap<LaneIx, usize>,
    /// The names of the lanes that run on CPUs (threads and event loops), for the labels.
    names: HashMap<LaneIx, Arc<str>>,
}

struct Core {
    lane: LaneIx,
    /// The thread lane the core shows running.
    occupant: Option<LaneIx>,
}

/// The thread of `lane` is executing (from now on, on the CPU it runs on now).
pub fn on_cpu(lane: LaneIx) {
    if let (Some(run), Some(cpu)) = (recorder::current_run(), current_cpu()) {
        run.cores.enter(&run, lane, cpu);
    }
}

/// The thread of `lane` stopped executing.
pub fn off_cpu(lane: LaneIx) {
    if let Some(run) = recorder::current_run() {
        run.cores.leave(&run, lane);
    }
}

impl Cores {
    /// Remembers the name of a lane that can run on a CPU.
    pub fn name_lane(&self, lane: LaneIx, name: &Arc<str>) {
        self.table.lock().names.insert(lane, name.clone());
    }

    fn enter(&self, run: &RunRecording, lane: LaneIx, cpu: usize) {
        let mut table = self.table.lock();
        if table.seen_on.get(&lane) == Some(&cpu) && table.occupant(cpu) == Some(lane) {
            return;
        }
        let mut events = Vec::new();
        table.vacate(run, lane, &mut events);
        let label = table.names.get(&lane).cloned();
        let core = table.core(run, cpu, &mut events);
        core.occupant = Some(lane);
        let core_lane = core.lane;
        events.push(state(run, core_lane, State::Running, label));
        table.seen_on.insert(lane, cpu);
        run.log.append(events);
    }

    fn leave(&self, run: &RunRecording, lane: LaneIx) {
        let mut table = self.table.lock();
        let mut events = Vec::new();
        table.vacate(run, lane, &mut events);
        run.log.append(events);
    }
}

impl Table {
    fn occupant(&self, cpu: usize) -> Option<LaneIx> {
        self.cores.get(cpu)?.as_ref()?.occupant
    }

    /// Shows the CPU `lane` was last seen on idle, if it still shows `lane`.
    fn vacate(&mut self, run: &RunRecording, lane: LaneIx, events: &mut Vec<Event>) {
        let Some(cpu) = self.seen_on.remove(&lane) else {
            return;
        };
        if let Some(core) = self.cores[cpu].as_mut() {
            if core.occupant == Some(lane) {
                core.occupant = None;
                events.push(state(run, core.lane, State::Idle, None));
            }
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
        let lane = run.alloc_lane();
        events.push(Event {
            seq: 0,
            t_ns: run.clock.now_ns(),
            lane,
            kind: EventKind::Lane {
                kind: LaneKind::Core,
                name: Arc::from(format!("CPU {cpu}")),
                detail: None,
                parent: None,
                pid: std::process::id(),
            },
        });
        events.push(state(run, lane, State::Idle, None));
        self.cores[cpu] = Some(Core {
            lane,
            occupant: None,
        });
    }
}

fn state(run: &RunRecording, lane: LaneIx, state: State, label: Option<Arc<str>>) -> Event {
    Event {
        seq: 0,
        t_ns: run.clock.now_ns(),
        lane,
        kind: EventKind::State {
            state,
            label,
            line: 0,
        },
    }
}

/// The CPU the calling thread is running on.
fn current_cpu() -> Option<usize> {
    // SAFETY: sched_getcpu has no preconditions; it returns -1 on failure.
    usize::try_from(unsafe { libc::sched_getcpu() }).ok()
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
