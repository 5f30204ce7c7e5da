//! The run's ledger: the heap memory, threads and processes of all of a run's processes
//! together, kept in one page of shared memory so that a limit holds for the run as a whole and
//! not per process.
//!
//! Every process of a run holds a slot in the ledger (the run's worker slot 0, each child
//! process the slot its parent took for it). The global allocator counts this process's heap in
//! its slot and refuses an allocation that would take the run past its budget: code that asks
//! with `try_reserve` gets an error (`MemoryError` in Python), any other allocation fails as
//! out-of-memory does, which ends the worker and, with it, the run with status `limit`. Counting
//! costs a thread-local addition per allocation; the shared page is touched once per
//! `SLACK` bytes. When a child process ends, its parent clears its slot, so what the child held
//! is released with it. The server, and any process that never joins a ledger, allocates
//! without counting.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt;
use std::io;
use std::sync::atomic::{AtomicI32, AtomicI64, AtomicPtr, AtomicU32, Ordering};

/// How many bytes a thread may allocate (or free) before its count goes to the shared page.
const SLACK: i64 = 256 << 10;
/// The most processes one ledger can hold (the run's worker and its children).
pub const MAX_SLOTS: usize = 64;

/// The allocator of every Interleave process: the system's, counted against the run's budget
/// once the process has joined its run's ledger.
pub struct Budgeted;

#[global_allocator]
static ALLOCATOR: Budgeted = Budgeted;

/// The ledger this process counts into, and its slot there; null until it joins one.
static LEDGER: AtomicPtr<Ledger> = AtomicPtr::new(std::ptr::null_mut());
static SLOT: AtomicU32 = AtomicU32::new(0);
static LEDGER_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// Bytes this thread allocated (positive) or freed (negative) that its slot does not know
    /// of yet. No destructor, so it is usable until the thread is gone.
    static UNCOUNTED: Cell<i64> = const { Cell::new(0) };
}

/// The shared page.
#[repr(C)]
pub struct Ledger {
    max_heap: AtomicI64,
    max_threads: AtomicI64,
    slots: [Slot; MAX_SLOTS],
}

#[repr(C)]
struct Slot {
    /// Non-zero while a process holds the slot.
    taken: AtomicU32,
    heap: AtomicI64,
    threads: AtomicI64,
}

/// Why a thread or process could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Threads(i64),
    Processes(usize),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Threads(max) => write!(
                f,
                "can't start new thread (a run may have {max} threads alive at once)"
            ),
            Refused::Processes(max) => write!(
                f,
                "can't start new process (a run may have {max} child processes alive at once)"
            ),
        }
    }
}

impl Ledger {
    fn slot(&self, index: usize) -> &Slot {
        &self.slots[index.min(MAX_SLOTS - 1)]
    }

    fn heap(&self) -> i64 {
        self.slots
            .iter()
            .filter(|s| s.taken.load(Ordering::Relaxed) != 0)
            .map(|s| s.heap.load(Ordering::Relaxed))
            .sum()
    }

    /// Counts `bytes` more in `slot`, unless the run's heap would go past its budget.
    fn charge(&self, slot: usize, bytes: i64) -> bool {
        if bytes > 0 && self.heap() + bytes > self.max_heap.load(Ordering::Relaxed) {
            return false;
        }
        self.slot(slot).heap.fetch_add(bytes, Ordering::Relaxed);
        true
    }

    /// Takes a free slot for a new child process: its index, or `None` when the run has as many
    /// processes as it may.
    pub fn take_slot(&self, max_processes: usize) -> Option<usize> {
        let limit = (max_processes + 1).min(MAX_SLOTS);
        (1..limit).find(|&i| {
            self.slots[i]
                .taken
                .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        })
    }

    /// Gives back the slot of a child process that has ended, with all it held.
    pub fn free_slot(&self, index: usize) {
        let slot = self.slot(index);
        slot.heap.store(0, Ordering::Relaxed);
        slot.threads.store(0, Ordering::Relaxed);
        slot.taken.store(0, Ordering::Release);
    }

    /// Counts a thread that is about to start in this process.
    pub fn start_thread(&self) -> Result<(), Refused> {
        let max = self.max_threads.load(Ordering::Relaxed);
        let alive: i64 = self
            .slots
            .iter()
            .filter(|s| s.taken.load(Ordering::Relaxed) != 0)
            .map(|s| s.threads.load(Ordering::Relaxed))
            .sum();
        if alive >= max {
            return Err(Refused::Threads(max));
        }
        self.slot(my_slot()).threads.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// A thread counted by [`Ledger::start_thread`] has ended.
    pub fn end_thread(&self) {
        self.slot(my_slot()).threads.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A thread counted against the run's limit, until the ticket is dropped (when the thread
/// ends).
pub struct ThreadTicket {
    counted: bool,
}

/// Counts a thread about to start in this process, or says why it cannot.
pub fn thread_ticket() -> Result<ThreadTicket, Refused> {
    match ledger() {
        Some(ledger) => ledger
            .start_thread()
            .map(|()| ThreadTicket { counted: true }),
        None => Ok(ThreadTicket { counted: false }),
    }
}

impl Drop for ThreadTicket {
    fn drop(&mut self) {
        if let (true, Some(ledger)) = (self.counted, ledger()) {
            ledger.end_thread();
        }
    }
}

fn my_slot() -> usize {
    SLOT.load(Ordering::Relaxed) as usize
}

/// The ledger this process counts into, once it has joined one.
pub fn ledger() -> Option<&'static Ledger> {
    // SAFETY: once set, the pointer names a mapping that stays for the life of the process.
    unsafe { LEDGER.load(Ordering::Acquire).as_ref() }
}

/// The descriptor of this process's ledger, which its child processes inherit.
pub fn ledger_fd() -> i32 {
    LEDGER_FD.load(Ordering::Relaxed)
}

/// Creates the ledger of a new run with its limits, as an inheritable memory file; returns its
/// descriptor, which the run's processes pass to [`join`].
pub fn create(max_heap: u64, max_threads: u32) -> io::Result<i32> {
    // SAFETY: a plain system call with a valid, NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"interleave-ledger".as_ptr(), 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    let size = std::mem::size_of::<Ledger>() as libc::off_t;
    // SAFETY: `fd` is the memory file just created.
    if unsafe { libc::ftruncate(fd, size) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let ledger = map(fd)?;
    ledger.max_heap.store(
        i64::try_from(max_heap).unwrap_or(i64::MAX),
        Ordering::Relaxed,
    );
    ledger
        .max_threads
        .store(i64::from(max_threads), Ordering::Relaxed);
    ledger.slots[0].taken.store(1, Ordering::Release);
    Ok(fd)
}

/// Makes this process count into the ledger behind `fd`, in `slot`, from now on. Its main
/// thread counts as one thread.
pub fn join(fd: i32, slot: usize) -> io::Result<()> {
    let ledger = map(fd)?;
    LEDGER_FD.store(fd, Ordering::Relaxed);
    SLOT.store(slot.min(MAX_SLOTS - 1) as u32, Ordering::Relaxed);
    ledger.slot(slot).threads.store(1, Ordering::Relaxed);
    LEDGER.store(ledger as *const Ledger as *mut Ledger, Ordering::Release);
    Ok(())
}

fn map(fd: i32) -> io::Result<&'static Ledger> {
    let size = std::mem::size_of::<Ledger>();
    // SAFETY: maps `size` bytes of the memory file shared; the kernel checks `fd`.
    let page = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED,
            fd,
            0,
        )
    };
    if page == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the mapping is zero-filled or was written as a `Ledger` (all atomics, for which
    // zero is a valid value), page-aligned, and never unmapped.
    Ok(unsafe { &*(page as *const Ledger) })
}

/// Counts `bytes` allocated (or, negative, freed) by this thread; false when the allocation
/// must be refused.
#[inline]
fn count(bytes: i64) -> bool {
    let Some(ledger) = ledger() else {
        return true;
    };
    if bytes >= SLACK {
        return ledger.charge(my_slot(), bytes);
    }
    UNCOUNTED
        .try_with(|uncounted| {
            let pending = uncounted.get() + bytes;
            if pending.abs() < SLACK {
                uncounted.set(pending);
                return true;
            }
            let ok = ledger.charge(my_slot(), pending);
            uncounted.set(if ok { 0 } else { pending - bytes });
            ok
        })
        .unwrap_or_else(|_| ledger.charge(my_slot(), bytes))
}

fn size_of(layout: Layout) -> i64 {
    i64::try_from(layout.size()).unwrap_or(i64::MAX)
}

// SAFETY: every call is passed to the system allocator unchanged, or refused with null as an
// allocator may; the counting has no effect on the memory handed out.
unsafe impl GlobalAlloc for Budgeted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if count(size_of(layout)) {
            // SAFETY: the caller's contract for `alloc`, passed on.
            unsafe { System.alloc(layout) }
        } else {
            std::ptr::null_mut()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if count(size_of(layout)) {
            // SAFETY: the caller's contract for `alloc_zeroed`, passed on.
            unsafe { System.alloc_zeroed(layout) }
        } else {
            std::ptr::null_mut()
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-size_of(layout));
        // SAFETY: the caller's contract for `dealloc`, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let growth = i64::try_from(new_size).unwrap_or(i64::MAX) - size_of(layout);
        if !count(growth) {
            return std::ptr::null_mut();
        }
        // SAFETY: the caller's contract for `realloc`, passed on.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if moved.is_null() {
            count(-growth);
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ledger_refuses_past_its_budget_and_frees_what_children_held() {
        let fd = create(64 << 20, 3).expect("a memory file");
        let ledger = map(fd).expect("mapped");
        assert!(ledger.charge(0, 60 << 20));
        assert!(!ledger.charge(0, 8 << 20), "past the budget");
        let child = ledger.take_slot(2).expect("a slot");
        assert!(ledger.charge(child, 4 << 20));
        assert!(!ledger.charge(0, 1 << 20), "the child's heap counts too");
        ledger.free_slot(child);
        assert!(ledger.charge(0, 1 << 20), "freed with the child");
        assert!(ledger.charge(0, -(61 << 20)));
        // SAFETY: closing the descriptor this test opened; the mapping stays.
        unsafe { libc::close(fd) };
    }

    #[test]
    fn slots_run_out_at_the_process_limit() {
        let fd = create(1 << 30, 8).expect("a memory file");
        let ledger = map(fd).expect("mapped");
        let a = ledger.take_slot(2).expect("first");
        let b = ledger.take_slot(2).expect("second");
        assert_ne!(a, b);
        assert_eq!(ledger.take_slot(2), None);
        ledger.free_slot(a);
        assert_eq!(ledger.take_slot(2), Some(a));
        // SAFETY: closing the descriptor this test opened; the mapping stays.
        unsafe { libc::close(fd) };
    }

    #[test]
    fn threads_are_counted_across_processes() {
        let fd = create(1 << 30, 3).expect("a memory file");
        let ledger = map(fd).expect("mapped");
        ledger.slots[0].threads.store(1, Ordering::Relaxed);
        let child = ledger.take_slot(4).expect("a slot");
        ledger.slot(child).threads.store(1, Ordering::Relaxed);
        assert_eq!(ledger.start_thread(), Ok(()));
        assert_eq!(ledger.start_thread(), Err(Refused::Threads(3)));
        ledger.free_slot(child);
        assert_eq!(ledger.start_thread(), Ok(()));
        // SAFETY: closing the descriptor this test opened; the mapping stays.
        unsafe { libc::close(fd) };
    }
}
