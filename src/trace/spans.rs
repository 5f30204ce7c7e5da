//! Events → spans: the one rule that turns a lane's state transitions into timeline bars.
//!
//! Each non-terminal `state` event opens a span on its lane that lasts until the lane's next
//! `state` event; a terminal state (`done`, `cancelled`, `failed`) closes the open span and opens
//! none; spans still open at the end are closed at the given time. The server, the trace
//! document and the tests all go through [`spans`], so they can never disagree.

use std::borrow::Borrow;
use std::sync::Arc;

use super::event::{Event, EventKind, LaneIx, State};

/// One bar of the timeline: `lane` was in `state` from `start_ns` to `end_ns`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub lane: LaneIx,
    pub state: State,
    pub start_ns: u64,
    pub end_ns: u64,
    pub label: Option<Arc<str>>,
    pub line: u32,
}

impl Span {
    pub fn duration_ns(&self) -> u64 {
        self.end_ns - self.start_ns
    }
}

/// The spans of `events` (in recording order), with spans still open closed at `until_ns`.
///
/// The result is sorted by `start_ns`, then lane. Spans of one lane never overlap, even if a
/// lane's clock readings were to go backwards: a span never starts before the previous span
/// of its lane ended, and never ends before it started.
pub fn spans(events: impl IntoIterator<Item = impl Borrow<Event>>, until_ns: u64) -> Vec<Span> {
    let mut builder = SpanBuilder::default();
    for event in events {
        builder.push(event.borrow());
    }
    builder.finish(until_ns)
}

/// The incremental form of [`spans`], for callers that look at each event for other reasons too.
#[derive(Debug, Default)]
pub struct SpanBuilder {
    lanes: Vec<LaneSpans>,
    closed: Vec<Span>,
}

/// Per lane: the span being drawn and where the last closed one ended.
#[derive(Debug, Default)]
struct LaneSpans {
    open: Option<Span>,
    floor_ns: u64,
}

impl SpanBuilder {
    /// Feeds one event; everything but `state` transitions is ignored.
    pub fn push(&mut self, event: &Event) {
        if let EventKind::State { state, label, line } = &event.kind {
            self.transition(event.lane, event.t_ns, *state, label.as_ref(), *line);
        }
    }

    fn transition(
        &mut self,
        lane: LaneIx,
        t_ns: u64,
        state: State,
        label: Option<&Arc<str>>,
        line: u32,
    ) {
        let slot = lane as usize;
        if self.lanes.len() <= slot {
            self.lanes.resize_with(slot + 1, LaneSpans::default);
        }
        let lane_spans = &mut self.lanes[slot];
        if let Some(mut span) = lane_spans.open.take() {
            span.end_ns = t_ns.max(span.start_ns);
            lane_spans.floor_ns = span.end_ns;
            self.closed.push(span);
        }
        if !state.is_terminal() {
            lane_spans.open = Some(Span {
                lane,
                state,
                start_ns: t_ns.max(lane_spans.floor_ns),
                end_ns: t_ns.max(lane_spans.floor_ns),
                label: label.cloned(),
                line,
            });
        }
    }

    /// Closes the spans still open at `until_ns` and returns all spans, sorted.
    pub fn finish(mut self, until_ns: u64) -> Vec<Span> {
        for lane_spans in &mut self.lanes {
            if let Some(mut span) = lane_spans.open.take() {
                span.end_ns = until_ns.max(span.start_ns);
                self.closed.push(span);
            }
        }
        self.closed.sort_by_key(|span| (span.start_ns, span.lane));
        self.closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(t_ns: u64, lane: LaneIx, state: State, label: Option<&str>) -> Event {
        Event {
            seq: 0,
            t_ns,
            lane,
            kind: EventKind::State {
                state,
                label: label.map(Arc::from),
                line: 7,
            },
        }
    }

    fn bars(spans: &[Span]) -> Vec<(LaneIx, State, u64, u64)> {
        spans
            .iter()
            .map(|s| (s.lane, s.state, s.start_ns, s.end_ns))
            .collect()
    }

    #[test]
    fn a_span_lasts_until_the_next_state_of_its_lane() {
        let events = [
            state(0, 1, State::Running, None),
            state(10, 2, State::Running, None),
            state(100, 1, State::Awaiting, Some("asyncio.sleep(1)")),
            state(150, 2, State::Done, None),
            state(1_100, 1, State::Ready, None),
            state(1_120, 1, State::Running, None),
            state(1_200, 1, State::Done, None),
        ];
        let spans = spans(&events, 5_000);
        assert_eq!(
            bars(&spans),
            [
                (1, State::Running, 0, 100),
                (2, State::Running, 10, 150),
                (1, State::Awaiting, 100, 1_100),
                (1, State::Ready, 1_100, 1_120),
                (1, State::Running, 1_120, 1_200),
            ]
        );
        assert_eq!(spans[2].label.as_deref(), Some("asyncio.sleep(1)"));
        assert_eq!(spans[2].line, 7);
    }

    #[test]
    fn open_spans_close_at_the_given_time() {
        let events = [
            state(0, 0, State::Running, Some("Task-1")),
            state(40, 0, State::Idle, None),
        ];
        assert_eq!(
            bars(&spans(&events, 90)),
            [(0, State::Running, 0, 40), (0, State::Idle, 40, 90)]
        );
    }

    #[test]
    fn terminal_states_open_nothing() {
        let events = [
            state(5, 3, State::Running, None),
            state(8, 3, State::Cancelled, None),
            state(9, 4, State::Failed, None),
        ];
        assert_eq!(bars(&spans(&events, 100)), [(3, State::Running, 5, 8)]);
    }

    #[test]
    fn other_events_do_not_cut_spans() {
        let print = Event {
            seq: 0,
            t_ns: 20,
            lane: 1,
            kind: EventKind::Print {
                text: "hi\n".into(),
                line: 2,
            },
        };
        let events = [
            state(10, 1, State::Running, None),
            print,
            state(30, 1, State::Done, None),
        ];
        assert_eq!(bars(&spans(&events, 100)), [(1, State::Running, 10, 30)]);
    }

    #[test]
    fn a_clock_going_backwards_never_makes_spans_overlap() {
        let events = [
            state(100, 1, State::Running, None),
            state(90, 1, State::Awaiting, None),
            state(95, 1, State::Ready, None),
        ];
        let spans = spans(&events, 80);
        assert_eq!(
            bars(&spans),
            [
                (1, State::Running, 100, 100),
                (1, State::Awaiting, 100, 100),
                (1, State::Ready, 100, 100),
            ]
        );
        for pair in spans.windows(2) {
            assert!(pair[0].end_ns <= pair[1].start_ns);
        }
    }

    #[test]
    fn sorted_by_start_then_lane() {
        let events = [
            state(50, 2, State::Running, None),
            state(50, 1, State::Running, None),
            state(10, 3, State::Running, None),
        ];
        let lanes: Vec<LaneIx> = spans(&events, 60).iter().map(|s| s.lane).collect();
        assert_eq!(lanes, [3, 1, 2]);
    }
}
