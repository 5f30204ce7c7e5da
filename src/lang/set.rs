//! `set` and `frozenset`: CPython's open-addressing table (`Objects/setobject.c`), probe for
//! probe, with CPython's hashes (`hash.rs`), so a set prints and iterates in the order
//! CPython's does. Elements are compared by their dict key, which is how dicts compare them.

use std::sync::Arc;

use parking_lot::Mutex;

use super::alloc;
use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::function::Args;
use super::hash;
use super::ir::{BinOp, CmpOp};
use super::ops;
use super::trashcan;
use super::value::{Key, Value};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A discarded element's slot: probing goes on past it.
    Dummy,
    Active(Entry),
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Key,
    value: Value,
}

/// The hash table of a set.
#[derive(Clone)]
struct Table {
    slots: Vec<Slot>,
    /// Active and dummy slots.
    fill: usize,
    /// Active slots: the set's length.
    used: usize,
    /// Where `pop()` looks first.
    finger: usize,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

/// The slots a search for `hash` visits, in CPython's order: a few neighbours linearly, then
/// the perturbed jump.
struct Probe {
    mask: usize,
    i: usize,
    perturb: u64,
    step: usize,
    probes: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let i = (hash as u64 as usize) & mask;
        Probe {
            mask,
            i,
            perturb: hash as u64,
            step: 0,
            probes: Probe::linear(i, mask),
        }
    }

    fn linear(i: usize, mask: usize) -> usize {
        if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        }
    }
}

impl Iterator for Probe {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.step > self.probes {
            self.perturb >>= PERTURB_SHIFT;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.step = 0;
            self.probes = Probe::linear(self.i, self.mask);
        }
        let at = self.i + self.step;
        self.step += 1;
        Some(at)
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot of the element equal to `key`, if there is one.
    fn find(&self, hash: i64, key: &Key) -> Option<usize> {
        for at in Probe::new(hash, self.mask()) {
            match &self.slots[at] {
                Slot::Empty => return None,
                Slot::Active(e) if e.hash == hash && e.key == *key => return Some(at),
                _ => {}
            }
        }
        unreachable!("a table always has an empty slot")
    }

    /// Adds an element unless an equal one is there (`set_add_entry`).
    fn add(&mut self, hash: i64, key: Key, value: Value) -> Eval<()> {
        let mut freeslot = None;
        let mask = self.mask();
        let mut found = None;
        for at in Probe::new(hash, mask) {
            match &self.slots[at] {
                Slot::Empty => {
                    found = Some(at);
                    break;
                }
                Slot::Active(e) if e.hash == hash && e.key == key => return Ok(()),
                Slot::Dummy => freeslot = Some(at),
                Slot::Active(_) => {}
            }
        }
        let entry = Slot::Active(Entry { hash, key, value });
        if let Some(at) = freeslot {
            self.used += 1;
            self.slots[at] = entry;
            return Ok(());
        }
        let at = found.expect("probing ends at an empty slot");
        self.fill += 1;
        self.used += 1;
        self.slots[at] = entry;
        if self.fill * 5 < mask * 3 {
            return Ok(());
        }
        self.resize(self.growth())
    }

    fn growth(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Places an entry known to be absent, in a table without dummies.
    fn insert_clean(slots: &mut [Slot], entry: Entry) {
        let mask = slots.len() - 1;
        for at in Probe::new(entry.hash, mask) {
            if matches!(slots[at], Slot::Empty) {
                slots[at] = Slot::Active(entry);
                return;
            }
        }
    }

    /// Rebuilds the table with the smallest size above `min_used`, dropping the dummies.
    fn resize(&mut self, min_used: usize) -> Eval<()> {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size = size.checked_mul(2).ok_or_else(alloc::memory_error)?;
        }
        let mut slots = alloc::vec_with_capacity(size)?;
        slots.resize(size, Slot::Empty);
        let old = std::mem::replace(&mut self.slots, slots);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(entry) = slot {
                Table::insert_clean(&mut self.slots, entry);
            }
        }
        Ok(())
    }

    fn discard(&mut self, hash: i64, key: &Key) -> Option<Value> {
        let at = self.find(hash, key)?;
        self.used -= 1;
        match std::mem::replace(&mut self.slots[at], Slot::Dummy) {
            Slot::Active(e) => Some(e.value),
            _ => None,
        }
    }

    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(e) => Some(e),
            _ => None,
        })
    }

    /// Adds every element of `other` (`set_merge`).
    fn merge(&mut self, other: &Table) -> Eval<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2)?;
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for e in other.entries() {
                Table::insert_clean(&mut self.slots, e.clone());
            }
            return Ok(());
        }
        for e in other.entries() {
            self.add(e.hash, e.key.clone(), e.value.clone())?;
        }
        Ok(())
    }

    fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mut at = self.finger & self.mask();
        while !matches!(self.slots[at], Slot::Active(_)) {
            at = (at + 1) & self.mask();
        }
        self.used -= 1;
        self.finger = at + 1;
        match std::mem::replace(&mut self.slots[at], Slot::Dummy) {
            Slot::Active(e) => Some(e.value),
            _ => None,
        }
    }

    /// Shrinks the table when more than a quarter of it is dummies.
    fn purge_dummies(&mut self) -> Eval<()> {
        if self.fill - self.used <= self.mask() / 4 {
            return Ok(());
        }
        self.resize(self.growth())
    }
}

/// A `set` or a `frozenset`.
pub struct SetObj {
    pub frozen: bool,
    table: Mutex<Table>,
}

/// Elements can hold other objects: they are released through the trashcan.
impl Drop for SetObj {
    fn drop(&mut self) {
        let table = std::mem::take(self.table.get_mut());
        trashcan::bury(table.slots.into_iter().filter_map(|s| match s {
            Slot::Active(e) => Some(e.value),
            _ => None,
        }));
    }
}

fn hashed(v: &Value) -> Eval<(i64, Key)> {
    Ok((hash::hash(v)?, v.key()?))
}

fn value(set: SetObj) -> Value {
    Value::Set(Arc::new(set))
}

impl SetObj {
    fn empty(frozen: bool) -> SetObj {
        SetObj {
            frozen,
            table: Mutex::new(Table::default()),
        }
    }

    pub fn len(&self) -> usize {
        self.table.lock().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements, in the table's order.
    pub fn items(&self) -> Vec<Value> {
        self.table
            .lock()
            .entries()
            .map(|e| e.value.clone())
            .collect()
    }

    pub fn contains(&self, v: &Value) -> Eval<bool> {
        let (hash, key) = hashed(v)?;
        Ok(self.table.lock().find(hash, &key).is_some())
    }

    pub fn add(&self, v: Value) -> Eval<()> {
        let (hash, key) = hashed(&v)?;
        self.table.lock().add(hash, key, v)
    }

    /// Adds the elements of any iterable (`set_update_internal`).
    fn update(&self, iterable: &Value) -> Eval<()> {
        match iterable {
            Value::Set(other) if std::ptr::eq(Arc::as_ptr(other), self) => Ok(()),
            Value::Set(other) => {
                let other = other.table.lock().clone();
                self.table.lock().merge(&other)
            }
            Value::Dict(d) => {
                let keys: Vec<Value> = d.lock().values().map(|(k, _)| k.clone()).collect();
                {
                    let mut table = self.table.lock();
                    if (table.fill + keys.len()) * 5 >= table.mask() * 3 {
                        let wanted = (table.used + keys.len()) * 2;
                        table.resize(wanted)?;
                    }
                }
                keys.into_iter().try_for_each(|k| self.add(k))
            }
            other => ops::to_vec(other)?
                .into_iter()
                .try_for_each(|x| self.add(x)),
        }
    }

    fn copy(&self, frozen: bool) -> Eval<SetObj> {
        let copy = SetObj::empty(frozen);
        let table = self.table.lock().clone();
        copy.table.lock().merge(&table)?;
        Ok(copy)
    }

    fn discard(&self, v: &Value) -> Eval<Option<Value>> {
        let (hash, key) = hashed(v)?;
        Ok(self.table.lock().discard(hash, &key))
    }

    /// CPython's `frozenset.__hash__`: the entries' shuffled hashes xor-ed over the whole table.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let table = self.table.lock();
        let mut hash: u64 = 0;
        for slot in &table.slots {
            hash ^= shuffle(match slot {
                Slot::Empty => 0,
                Slot::Dummy => u64::MAX,
                Slot::Active(e) => e.hash as u64,
            });
        }
        if (table.slots.len() - table.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (table.fill - table.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (table.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
    }

    /// The elements as dict keys, for comparing sets.
    pub fn keys(&self) -> Vec<Key> {
        self.table.lock().entries().map(|e| e.key.clone()).collect()
    }
}

/// `set(iterable)` or `frozenset(iterable)`.
pub fn new(frozen: bool, iterable: Option<&Value>) -> Eval {
    let set = SetObj::empty(frozen);
    if let Some(items) = iterable {
        set.update(items)?;
    }
    Ok(value(set))
}

/// A set of these elements, added in order (a `{a, b}` display or a set comprehension).
pub fn from_items(items: Vec<Value>) -> Eval {
    let set = SetObj::empty(false);
    for x in items {
        set.add(x)?;
    }
    Ok(value(set))
}

fn type_error(message: impl Into<String>) -> Ctrl {
    Ctrl::raise(ExcKind::TypeError, message)
}

/// The set behind an operand, or a temporary one made of any iterable (the methods take
/// iterables; the operators take only sets).
fn as_set(v: &Value) -> Eval<Arc<SetObj>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        other => match new(true, Some(other))? {
            Value::Set(s) => Ok(s),
            _ => unreachable!("new makes a set"),
        },
    }
}

fn intersection(a: &SetObj, b: &Value) -> Eval<SetObj> {
    let result = SetObj::empty(a.frozen);
    match b {
        Value::Set(b) => {
            let (small, large) = if b.len() > a.len() {
                (a, &**b)
            } else {
                (&**b, a)
            };
            for x in small.items() {
                if large.contains(&x)? {
                    result.add(x)?;
                }
            }
        }
        other => {
            for x in ops::to_vec(other)? {
                if a.contains(&x)? {
                    result.add(x)?;
                }
            }
        }
    }
    Ok(result)
}

fn difference_update(a: &SetObj, b: &Value) -> Eval<()> {
    for x in ops::to_vec(b)? {
        drop(a.discard(&x)?);
    }
    a.table.lock().purge_dummies()
}

fn difference(a: &SetObj, b: &Value) -> Eval<SetObj> {
    let other_len = match b {
        Value::Set(s) => s.len(),
        Value::Dict(d) => d.lock().len(),
        _ => 0,
    };
    if !matches!(b, Value::Set(_) | Value::Dict(_)) || (a.len() >> 2) > other_len {
        let result = a.copy(a.frozen)?;
        difference_update(&result, b)?;
        return Ok(result);
    }
    let other = as_set(b)?;
    let result = SetObj::empty(a.frozen);
    for x in a.items() {
        if !other.contains(&x)? {
            result.add(x)?;
        }
    }
    Ok(result)
}

fn symmetric_difference_update(a: &SetObj, b: &Value) -> Eval<()> {
    let other = as_set(b)?;
    for x in other.items() {
        if a.discard(&x)?.is_none() {
            a.add(x)?;
        }
    }
    Ok(())
}

fn symmetric_difference(a: &SetObj, b: &Value) -> Eval<SetObj> {
    let result = match b {
        Value::Set(b) => b.copy(a.frozen)?,
        other => {
            let made = SetObj::empty(a.frozen);
            made.update(other)?;
            made
        }
    };
    symmetric_difference_update(&result, &value(a.copy(true)?))?;
    Ok(result)
}

fn union(a: &SetObj, others: &[Value]) -> Eval<SetObj> {
    let result = a.copy(a.frozen)?;
    for other in others {
        result.update(other)?;
    }
    Ok(result)
}

fn is_subset(a: &SetObj, b: &SetObj) -> Eval<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for x in a.items() {
        if !b.contains(&x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a <op> b` for two sets: `|`, `&`, `-`, `^`; `None` for other operands.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    let (Value::Set(x), Value::Set(_)) = (a, b) else {
        return None;
    };
    let result = match op {
        BinOp::BitOr => union(x, std::slice::from_ref(b)),
        BinOp::BitAnd => intersection(x, b),
        BinOp::Sub => difference(x, b),
        BinOp::BitXor => symmetric_difference(x, b),
        _ => return None,
    };
    Some(result.map(value))
}

/// `a <op>= b` for a set `a`: changed in place.
pub fn in_place(op: BinOp, a: &Value, b: &Value) -> Option<Eval> {
    let (Value::Set(x), Value::Set(_)) = (a, b) else {
        return None;
    };
    if x.frozen {
        return binary(op, a, b);
    }
    let done = match op {
        BinOp::BitOr => x.update(b),
        BinOp::BitAnd => intersection(x, b).map(|kept| *x.table.lock() = kept.table.lock().clone()),
        BinOp::Sub => difference_update(x, b),
        BinOp::BitXor => symmetric_difference_update(x, b),
        _ => return None,
    };
    Some(done.map(|()| a.clone()))
}

/// `a == b`, `a < b` (proper subset) and the other comparisons of two sets.
pub fn compare(op: CmpOp, a: &SetObj, b: &SetObj) -> Eval<bool> {
    Ok(match op {
        CmpOp::Eq => a.len() == b.len() && is_subset(a, b)?,
        CmpOp::NotEq => !(a.len() == b.len() && is_subset(a, b)?),
        CmpOp::LtE => is_subset(a, b)?,
        CmpOp::Lt => a.len() < b.len() && is_subset(a, b)?,
        CmpOp::GtE => is_subset(b, a)?,
        CmpOp::Gt => b.len() < a.len() && is_subset(b, a)?,
        _ => return Err(type_error("sets compare only by inclusion")),
    })
}

pub const METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
    "issubset",
    "issuperset",
    "isdisjoint",
    "copy",
];

/// Methods that change the set, refused on a frozenset.
const MUTATORS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];

fn one(name: &str, args: &[Value]) -> Eval<Value> {
    match args {
        [x] => Ok(x.clone()),
        _ => Err(type_error(format!(
            "set.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `s` combined with each of `others` in turn by `combine` (`intersection(*others)`).
fn each(
    s: &SetObj,
    others: &[Value],
    combine: fn(&SetObj, &Value) -> Eval<SetObj>,
) -> Eval<SetObj> {
    others
        .iter()
        .try_fold(s.copy(s.frozen)?, |result, other| combine(&result, other))
}

/// `s.name(*args)`.
pub fn method(receiver: &Value, s: &SetObj, name: &str, args: Args) -> Eval {
    args.no_more_kw(name)?;
    let kind = if s.frozen { "frozenset" } else { "set" };
    if s.frozen && MUTATORS.contains(&name) {
        return Err(Ctrl::raise(
            ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{name}'"),
        ));
    }
    let pos = args.pos;
    let made = |set: Eval<SetObj>| set.map(value);
    match name {
        "add" => s.add(one(name, &pos)?).map(|()| Value::None),
        "discard" => s.discard(&one(name, &pos)?).map(|_| Value::None),
        "remove" => {
            let x = one(name, &pos)?;
            match s.discard(&x)? {
                Some(_) => Ok(Value::None),
                None => Err(Ctrl::exc(Arc::new(Exception::with_args(
                    ExcKind::KeyError,
                    vec![x],
                )))),
            }
        }
        "pop" => {
            let popped = s.table.lock().pop();
            popped.ok_or_else(|| Ctrl::raise(ExcKind::KeyError, "pop from an empty set"))
        }
        "clear" => {
            let old = std::mem::take(&mut *s.table.lock());
            drop(old);
            Ok(Value::None)
        }
        "update" => pos
            .iter()
            .try_for_each(|other| s.update(other))
            .map(|()| Value::None),
        "union" => made(union(s, &pos)),
        "intersection" => made(each(s, &pos, intersection)),
        "difference" => made(each(s, &pos, difference)),
        "symmetric_difference" => made(symmetric_difference(s, &one(name, &pos)?)),
        "intersection_update" => {
            let kept = each(s, &pos, intersection)?;
            *s.table.lock() = kept.table.lock().clone();
            Ok(Value::None)
        }
        "difference_update" => pos
            .iter()
            .try_for_each(|other| difference_update(s, other))
            .map(|()| Value::None),
        "symmetric_difference_update" => {
            symmetric_difference_update(s, &one(name, &pos)?).map(|()| Value::None)
        }
        "issubset" => is_subset(s, &*as_set(&one(name, &pos)?)?).map(Value::Bool),
        "issuperset" => is_subset(&*as_set(&one(name, &pos)?)?, s).map(Value::Bool),
        "isdisjoint" => {
            let other = one(name, &pos)?;
            for x in ops::to_vec(&other)? {
                if s.contains(&x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }
        "copy" if s.frozen => Ok(receiver.clone()),
        "copy" => made(s.copy(false)),
        _ => Err(Ctrl::raise(
            ExcKind::AttributeError,
            format!("'{kind}' object has no attribute '{name}'"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::testing::outcome;

    /// What `PYTHONHASHSEED=0 python3` prints for the same program: the table's order.
    #[test]
    fn sets_iterate_in_cpythons_order() {
        let program = "\
s = set([5, 100, 37, 13, 8, 64]); print(s)
c = set(range(12))
for x in (3, 4): c.discard(x)
c.add(40); print(c, c.pop())
print({'b', 'a'} | {'c'})
";
        assert_eq!(
            outcome(program),
            "{64, 100, 37, 5, 8, 13}\n{1, 2, 5, 6, 7, 8, 9, 10, 11, 40} 0\n{'c', 'a', 'b'}\n"
        );
    }
}
