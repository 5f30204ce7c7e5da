//! Library modules written against the interpreter's object model, one file each: what a
//! scenario imports beyond the language itself.

pub mod functools;
pub mod math;
pub mod mersenne;
pub mod random;
pub mod time;
pub mod typing;
