//! Lane ids: the stable names (`loop`, `task-3`, ...) the wire format uses for lanes.
//!
//! Events carry a numeric [`LaneIx`]; the id a client sees is derived from the lane's kind and
//! index, so the table only has to remember each lane's kind.

use std::fmt;

use super::event::{LaneIx, LaneKind, LOOP_LANE};

/// The kind of every lane declared so far in a run, indexed by [`LaneIx`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaneTable {
    kinds: Vec<Option<LaneKind>>,
}

impl LaneTable {
    /// Records that lane `ix` is of `kind` (a lane's kind never changes once declared).
    pub fn declare(&mut self, ix: LaneIx, kind: LaneKind) {
        let slot = ix as usize;
        if self.kinds.len() <= slot {
            self.kinds.resize(slot + 1, None);
        }
        self.kinds[slot] = Some(kind);
    }

    /// The kind of lane `ix`, if it has been declared.
    pub fn kind(&self, ix: LaneIx) -> Option<LaneKind> {
        self.kinds.get(ix as usize).copied().flatten()
    }

    /// The wire id of lane `ix`.
    pub fn id(&self, ix: LaneIx) -> LaneId {
        LaneId {
            kind: self.kind(ix),
            ix,
        }
    }

    /// How many declared lanes are of `kind`.
    pub fn count(&self, kind: LaneKind) -> usize {
        self.kinds.iter().filter(|k| **k == Some(kind)).count()
    }
}

/// The wire id of one lane: `loop` for the main event loop, `task-N`, `thread-N`, `process-N`,
/// `core-N` (N = the lane index), `loop-N` for any other event loop, and `lane-N` for a lane
/// referred to before its declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaneId {
    pub kind: Option<LaneKind>,
    pub ix: LaneIx,
}

impl LaneId {
    /// The id split into a fixed prefix and an optional index, so writers can emit it without
    /// formatting machinery (`("task-", Some(3))` is `task-3`, `("loop", None)` is `loop`).
    pub fn parts(self) -> (&'static str, Option<LaneIx>) {
        match self.kind {
            Some(LaneKind::EventLoop) if self.ix == LOOP_LANE => ("loop", None),
            Some(LaneKind::EventLoop) => ("loop-", Some(self.ix)),
            Some(LaneKind::Task) => ("task-", Some(self.ix)),
            Some(LaneKind::Thread) => ("thread-", Some(self.ix)),
            Some(LaneKind::Process) => ("process-", Some(self.ix)),
            Some(LaneKind::Core) => ("core-", Some(self.ix)),
            None => ("lane-", Some(self.ix)),
        }
    }
}

impl fmt::Display for LaneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.parts() {
            (prefix, Some(ix)) => write!(f, "{prefix}{ix}"),
            (name, None) => f.write_str(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> LaneTable {
        let mut lanes = LaneTable::default();
        lanes.declare(0, LaneKind::EventLoop);
        lanes.declare(1, LaneKind::Task);
        lanes.declare(4, LaneKind::Thread);
        lanes.declare(5, LaneKind::Process);
        lanes.declare(6, LaneKind::Core);
        lanes.declare(7, LaneKind::EventLoop);
        lanes
    }

    #[test]
    fn ids_derive_from_kind_and_index() {
        let lanes = table();
        let ids: Vec<String> = [0, 1, 4, 5, 6, 7, 3, 99]
            .iter()
            .map(|ix| lanes.id(*ix).to_string())
            .collect();
        assert_eq!(
            ids,
            [
                "loop",
                "task-1",
                "thread-4",
                "process-5",
                "core-6",
                "loop-7",
                "lane-3",
                "lane-99"
            ]
        );
    }

    #[test]
    fn counts_lanes_by_kind() {
        let mut lanes = table();
        lanes.declare(2, LaneKind::Task);
        assert_eq!(lanes.count(LaneKind::Task), 2);
        assert_eq!(lanes.count(LaneKind::EventLoop), 2);
        assert_eq!(lanes.kind(3), None);
    }
}
