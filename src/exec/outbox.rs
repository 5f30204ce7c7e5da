//! The worker's end of the pipe: what the run's recorders hand over (the run's [`Sink`]) and the
//! other frames, queued in order and written up by one thread, so that recording never waits
//! for the pipe. It also keeps the run's event limit.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use super::control::RunControl;
use super::pipe::{Frame, FrameWriter};
use crate::lang::error::Abort;
use crate::record::recorder::Sink;
use crate::trace::event::{Event, EventKind};

/// Events let through past the event limit once the program has stopped, so that what the run
/// records as it ends (the limit itself, lanes ending) is kept.
const WIND_DOWN_EVENTS: u64 = 1024;
/// How long the writer, woken by a batch of events, waits for more before it writes them all
/// as one. Threads that block often (a contended lock) each flush a small batch as they park;
/// waking the writer, and the server's reader and log watchers behind it, for every one of
/// them would double the context switches of the run they record. The live view lags by at
/// most this.
const GATHER: Duration = Duration::from_millis(2);
/// Events queued that wake the writer before its gathering time is up, so that a flood is
/// written as fast as it comes.
const GATHER_EVENTS: usize = 32 * 1024;

/// What the worker sends up, in order: the recorders' batches (the run's [`Sink`]) and the
/// other frames. Appending takes a short lock and never waits for the pipe; one thread writes.
/// Past the run's event limit it stops the run and lets no more events through.
pub struct Outbox {
    queue: Mutex<Queue>,
    ready: Condvar,
    recorded: AtomicU64,
    max_events: u64,
    /// Events let through past the limit while the run stopped.
    wound_down: AtomicU64,
    /// The run to stop at the limit, once it runs.
    control: OnceLock<Weak<RunControl>>,
}

#[derive(Default)]
struct Queue {
    frames: Vec<Frame>,
    closed: bool,
    /// Events in the queue's frames.
    events: usize,
    /// A frame other than events is queued: the writer writes without gathering.
    urgent: bool,
    /// The writer waits for the queue to be non-empty (not gathering).
    writer_idle: bool,
}

impl Queue {
    fn push_events(&mut self, mut batch: Vec<Event>) {
        match self.frames.last_mut() {
            Some(Frame::Events(last)) => last.append(&mut batch),
            _ => self.frames.push(Frame::Events(batch)),
        }
    }
}

impl Outbox {
    pub fn new(max_events: u64) -> Arc<Outbox> {
        Arc::new(Outbox {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            recorded: AtomicU64::new(0),
            max_events,
            wound_down: AtomicU64::new(0),
            control: OnceLock::new(),
        })
    }

    /// The run whose events go through: the one stopped at the event limit.
    pub fn watch(&self, control: &Arc<RunControl>) {
        let _ = self.control.set(Arc::downgrade(control));
    }

    fn control(&self) -> Option<Arc<RunControl>> {
        self.control.get().and_then(Weak::upgrade)
    }

    /// Queues `frame` after everything queued so far; events join the batch queued last.
    pub fn send(&self, frame: Frame) {
        let mut queue = self.queue.lock();
        if queue.closed {
            return;
        }
        let urgent = match frame {
            Frame::Events(batch) => {
                queue.events += batch.len();
                queue.push_events(batch);
                false
            }
            other => {
                queue.frames.push(other);
                true
            }
        };
        queue.urgent |= urgent;
        if urgent || queue.writer_idle || queue.events >= GATHER_EVENTS {
            queue.writer_idle = false;
            self.ready.notify_one();
        }
    }

    /// Nothing more will be sent: the writer finishes with what is queued.
    pub fn close(&self) {
        let mut queue = self.queue.lock();
        queue.closed = true;
        queue.urgent = true;
        self.ready.notify_one();
    }

    /// Writes frames as they are queued, until the outbox is closed and empty. If whoever reads
    /// the pipe is gone, so is this process: nobody would see its run.
    pub fn write_to(&self, out: impl Write) {
        let mut writer = FrameWriter::new(out);
        loop {
            let (frames, closed) = {
                let mut queue = self.queue.lock();
                while queue.frames.is_empty() && !queue.closed {
                    queue.writer_idle = true;
                    self.ready.wait(&mut queue);
                }
                queue.writer_idle = false;
                if !queue.urgent && queue.events < GATHER_EVENTS {
                    self.ready.wait_for(&mut queue, GATHER);
                }
                queue.urgent = false;
                queue.events = 0;
                (std::mem::take(&mut queue.frames), queue.closed)
            };
            if writer.send(&frames).is_err() {
                std::process::exit(1);
            }
            if closed && self.queue.lock().frames.is_empty() {
                return;
            }
        }
    }

    /// The run recorded more events than it may: it stops, with status `limit`.
    fn over_limit(&self) {
        if let Some(control) = self.control() {
            control.stop(Abort::Limit(format!(
                "the run recorded more than {} events (its event limit) and was stopped",
                self.max_events
            )));
        }
    }
}

impl Sink for Outbox {
    fn append(&self, mut batch: Vec<Event>) {
        let count = batch.len() as u64;
        let before = self.recorded.fetch_add(count, Ordering::Relaxed);
        if before + count > self.max_events {
            self.over_limit();
            let under_limit = usize::try_from(self.max_events.saturating_sub(before))
                .unwrap_or(usize::MAX)
                .min(batch.len());
            let over = batch.split_off(under_limit);
            let allowed = usize::try_from(self.wind_down(over.len() as u64)).unwrap_or(0);
            // Once the program has stopped, the diagnostics that say how always go up, even
            // when the events before them used up the wind-down allowance.
            let stopped = self.control().is_some_and(|c| c.program_done());
            batch.extend(over.into_iter().enumerate().filter_map(|(i, e)| {
                let says_why = stopped && matches!(e.kind, EventKind::Diagnostic { .. });
                (i < allowed || says_why).then_some(e)
            }));
        }
        if !batch.is_empty() {
            self.send(Frame::Events(batch));
        }
    }
}

impl Outbox {
    /// How many of `over` events past the limit may still go up: none while the program runs,
    /// a few in all once it has stopped, so the trace tells how it stopped.
    fn wind_down(&self, over: u64) -> u64 {
        let stopped = self.control().is_some_and(|c| c.program_done());
        if !stopped {
            return 0;
        }
        let used = self.wound_down.fetch_add(over, Ordering::Relaxed);
        over.min(WIND_DOWN_EVENTS.saturating_sub(used))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::pipe::FrameReader;

    fn events(lane: u32, times: &[u64]) -> Vec<Event> {
        times
            .iter()
            .map(|&t_ns| Event {
                seq: 0,
                t_ns,
                lane,
                kind: EventKind::Wake { target: 0 },
            })
            .collect()
    }

    fn frames_written(outbox: &Outbox) -> Vec<Frame> {
        let mut bytes = Vec::new();
        outbox.write_to(&mut bytes);
        let mut reader = FrameReader::new(bytes.as_slice());
        std::iter::from_fn(|| reader.next_frame().expect("a whole frame")).collect()
    }

    #[test]
    fn batches_queued_together_go_up_as_one_frame_in_order() {
        let outbox = Outbox::new(u64::MAX);
        outbox.append(events(1, &[1, 2]));
        outbox.append(events(2, &[3]));
        outbox.send(Frame::Compiled { origin_ns: 7 });
        outbox.append(events(1, &[4]));
        outbox.close();
        outbox.append(events(1, &[5]));
        let mut joined = events(1, &[1, 2]);
        joined.extend(events(2, &[3]));
        assert_eq!(
            frames_written(&outbox),
            [
                Frame::Events(joined),
                Frame::Compiled { origin_ns: 7 },
                Frame::Events(events(1, &[4])),
            ],
            "nothing is sent after closing"
        );
    }

    #[test]
    fn past_the_event_limit_nothing_more_goes_up() {
        let outbox = Outbox::new(3);
        outbox.append(events(1, &[1, 2]));
        outbox.append(events(1, &[3, 4]));
        outbox.append(events(1, &[5]));
        outbox.close();
        assert_eq!(
            frames_written(&outbox),
            [Frame::Events(events(1, &[1, 2, 3]))]
        );
    }
}
