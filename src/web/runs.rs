//! The registry of runs the server has started: id → log, executor handle, scenario and source.
//!
//! A run lives on whether or not anybody watches it; once finished it stays readable for a
//! while (the retention policy), then is evicted to bound memory. Running runs are never
//! evicted: their own time limit ends them.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use indexmap::IndexMap;
use parking_lot::Mutex;
use rand::Rng;

use crate::exec::RunHandle;
use crate::record::log::RunLog;
use crate::trace::document::{summarize_events, RunMeta, Summary, TraceDocument};
use crate::trace::event::RunEnd;

/// How long finished runs are kept.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    /// A finished run is evicted this long after it ended.
    pub ttl: Duration,
    /// At most this many finished runs are kept; the oldest go first.
    pub max_finished: usize,
    /// Finished runs keep at most this many bytes of events in all; the oldest go first.
    pub max_bytes: usize,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            ttl: Duration::from_secs(15 * 60),
            max_finished: 200,
            max_bytes: 128 << 20,
        }
    }
}

/// One run started by the server.
pub struct RunEntry {
    pub id: String,
    /// The catalog scenario the run started from, if any.
    pub scenario: Option<String>,
    pub source: String,
    pub log: Arc<RunLog>,
    handle: RunHandle,
    summary: OnceLock<Summary>,
}

impl RunEntry {
    pub fn new(
        id: String,
        scenario: Option<String>,
        source: String,
        log: Arc<RunLog>,
        handle: RunHandle,
    ) -> Self {
        RunEntry {
            id,
            scenario,
            source,
            log,
            handle,
            summary: OnceLock::new(),
        }
    }

    pub fn meta(&self) -> RunMeta {
        RunMeta {
            id: self.id.clone(),
            scenario: self.scenario.clone(),
            source: self.source.clone(),
        }
    }

    pub fn is_running(&self) -> bool {
        !self.log.progress().ended
    }

    /// Asks the executor to stop the run; it still finishes its log, with status `cancelled`.
    pub fn cancel(&self) {
        self.handle.cancel();
    }

    /// The run's current time, on the clock its events are stamped with.
    pub fn elapsed_ns(&self) -> u64 {
        self.handle.elapsed_ns()
    }

    /// The trace document of the run as it is now. Walks every event: call it off the async
    /// workers.
    pub fn document(&self) -> TraceDocument {
        let slice = self.log.snapshot();
        TraceDocument::build(self.meta(), slice.iter(), slice.end())
    }

    /// The summary of the finished run, computed once. Walks every event: call it off the
    /// async workers for large runs.
    pub fn final_summary(&self, end: &RunEnd) -> Summary {
        self.summary
            .get_or_init(|| summarize_events(self.log.snapshot().iter(), Some(end)))
            .clone()
    }
}

/// All runs the server knows, oldest first.
pub struct Runs {
    entries: Mutex<IndexMap<String, Arc<RunEntry>>>,
    /// Runs being started: they hold a place before they are registered.
    starting: Mutex<usize>,
    retention: Retention,
}

/// A place for one run among those allowed at once, held from the request until the run is
/// registered (or its start fails).
pub struct Slot<'a> {
    runs: &'a Runs,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        *self.runs.starting.lock() -= 1;
    }
}

impl Runs {
    pub fn new(retention: Retention) -> Self {
        Runs {
            entries: Mutex::new(IndexMap::new()),
            starting: Mutex::new(0),
            retention,
        }
    }

    /// A fresh id no current run has, like `r5k2x9q0m1z`.
    pub fn new_id(&self) -> String {
        let entries = self.entries.lock();
        loop {
            let id = random_id();
            if !entries.contains_key(&id) {
                return id;
            }
        }
    }

    /// A place for a new run, unless `max_running` runs are running or starting already.
    pub fn reserve(&self, max_running: usize) -> Option<Slot<'_>> {
        let mut starting = self.starting.lock();
        if self.running() + *starting >= max_running {
            return None;
        }
        *starting += 1;
        Some(Slot { runs: self })
    }

    /// Registers a run started in `slot`, evicting finished runs that have outlived the
    /// retention policy.
    pub fn insert(&self, entry: RunEntry, slot: Slot<'_>) -> Arc<RunEntry> {
        let entry = Arc::new(entry);
        let mut entries = self.entries.lock();
        evict(&mut entries, self.retention, Instant::now());
        entries.insert(entry.id.clone(), Arc::clone(&entry));
        drop(entries);
        drop(slot);
        entry
    }

    pub fn get(&self, id: &str) -> Option<Arc<RunEntry>> {
        self.entries.lock().get(id).cloned()
    }

    /// How many runs are registered, running or finished.
    pub fn len(&self) -> usize {
        self.entries.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many runs have not finished yet.
    pub fn running(&self) -> usize {
        self.entries
            .lock()
            .values()
            .filter(|entry| entry.is_running())
            .count()
    }

    /// Asks every running run to stop (on server shutdown).
    pub fn cancel_all(&self) {
        let running: Vec<Arc<RunEntry>> = self
            .entries
            .lock()
            .values()
            .filter(|entry| entry.is_running())
            .cloned()
            .collect();
        for entry in running {
            entry.cancel();
        }
    }
}

fn evict(entries: &mut IndexMap<String, Arc<RunEntry>>, retention: Retention, now: Instant) {
    let runs: Vec<Kept> = entries
        .values()
        .map(|entry| Kept {
            id: entry.id.clone(),
            finished_at: entry.log.finished_at(),
            bytes: entry.log.bytes() + entry.source.len(),
        })
        .collect();
    let evicted = to_evict(&runs, retention, now);
    for id in &evicted {
        entries.shift_remove(id);
    }
    if !evicted.is_empty() {
        give_back_memory();
    }
}

/// Hands memory freed by evicted runs back to the system: the allocator keeps freed pages for
/// reuse otherwise, and the server would look as big as its biggest moment for good.
fn give_back_memory() {
    // SAFETY: malloc_trim only releases free memory of the allocator's own heap.
    unsafe { libc::malloc_trim(0) };
}

/// What eviction needs to know of a run.
struct Kept {
    id: String,
    /// `None` while it runs.
    finished_at: Option<Instant>,
    bytes: usize,
}

/// Which runs to drop, oldest first: the finished runs past their time to live, then the
/// oldest finished runs beyond the count or the bytes allowed. The cap keeps one place free for
/// the run about to be registered. Running runs are never dropped.
fn to_evict(runs: &[Kept], retention: Retention, now: Instant) -> Vec<String> {
    let mut evicted = Vec::new();
    let mut kept = Vec::new();
    for run in runs {
        match run.finished_at {
            Some(at) if now.duration_since(at) >= retention.ttl => evicted.push(run.id.clone()),
            Some(_) => kept.push(run),
            None => {}
        }
    }
    let mut count = kept.len();
    let mut bytes: usize = kept.iter().map(|run| run.bytes).sum();
    for run in kept {
        if count < retention.max_finished && bytes <= retention.max_bytes {
            break;
        }
        evicted.push(run.id.clone());
        count -= 1;
        bytes -= run.bytes;
    }
    evicted
}

fn random_id() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut rng = rand::thread_rng();
    let mut id = String::with_capacity(12);
    id.push('r');
    for _ in 0..11 {
        id.push(ALPHABET[rng.gen_range(0..ALPHABET.len())] as char);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retention(ttl_s: u64, max_finished: usize) -> Retention {
        Retention {
            ttl: Duration::from_secs(ttl_s),
            max_finished,
            max_bytes: usize::MAX,
        }
    }

    fn run(id: &str, finished_at: Option<Instant>, bytes: usize) -> Kept {
        Kept {
            id: id.to_string(),
            finished_at,
            bytes,
        }
    }

    #[test]
    fn finished_runs_expire_and_running_runs_stay() {
        let now = Instant::now() + Duration::from_secs(1_000);
        let runs = vec![
            run("old", Some(now - Duration::from_secs(600)), 1),
            run("running", None, 1),
            run("recent", Some(now - Duration::from_secs(10)), 1),
        ];
        assert_eq!(to_evict(&runs, retention(300, 10), now), ["old"]);
    }

    #[test]
    fn the_oldest_finished_runs_go_beyond_the_cap() {
        let now = Instant::now();
        let runs: Vec<Kept> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| run(id, Some(now), 1))
            .chain([run("live", None, 1)])
            .collect();
        assert_eq!(to_evict(&runs, retention(300, 3), now), ["a", "b"]);
    }

    #[test]
    fn the_oldest_finished_runs_go_beyond_the_bytes_allowed() {
        let now = Instant::now();
        let runs = vec![
            run("big", Some(now), 60),
            run("live", None, 500),
            run("small", Some(now), 10),
            run("newest", Some(now), 50),
        ];
        let allowed = Retention {
            max_bytes: 70,
            ..retention(300, 10)
        };
        assert_eq!(to_evict(&runs, allowed, now), ["big"]);
    }

    #[test]
    fn ids_are_short_and_distinct() {
        let runs = Runs::new(Retention::default());
        let a = runs.new_id();
        assert_eq!(a.len(), 12);
        assert!(a.starts_with('r'));
        assert_ne!(a, runs.new_id());
    }
}
