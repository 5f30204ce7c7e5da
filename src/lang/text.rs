//! The one-pointer handles that keep [`Value`](super::value::Value) two words wide: `Text` for
//! a `str`, `ByteText` for a `bytes`, `ObjRef` for a library object.
//!
//! A `Value` of two words is returned from every evaluation in registers, and a list, a frame's
//! locals and a dict's entries hold a third less memory. `Arc<str>`, `Arc<[u8]>` and
//! `Arc<dyn PyObject>` are two words each (a pointer and a length or a vtable), so the values
//! hold these instead: the strings and bytes keep their length next to their reference count
//! (one allocation, as before), and an object's fat pointer is boxed once.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use triomphe::{Arc as SharedArc, ThinArc};

use super::object::PyObject;

/// An immutable, shared string: what a `str` value holds.
#[derive(Clone)]
pub struct Text(ThinArc<(), u8>);

impl Text {
    pub fn new(s: &str) -> Text {
        Text(ThinArc::from_header_and_slice((), s.as_bytes()))
    }

    /// `s` shared, or `None` when there is no memory for it.
    pub fn try_new(s: &str) -> Option<Text> {
        ThinArc::try_from_header_and_slice((), s.as_bytes())
            .ok()
            .map(Text)
    }

    /// `bytes` as a string.
    ///
    /// # Safety
    /// `bytes` must be UTF-8.
    pub unsafe fn from_utf8_unchecked(bytes: ByteText) -> Text {
        Text(bytes.0)
    }

    /// Whether `a` and `b` are the same string object (`is`).
    pub fn ptr_eq(a: &Text, b: &Text) -> bool {
        a.0.as_ptr() == b.0.as_ptr()
    }

    /// The address of the string object, for `id()` and hashing by identity.
    pub fn address(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl Deref for Text {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: a `Text` is only ever made from a `str`'s bytes, which are UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.0.slice) }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(&s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::new(s)
    }
}

impl From<&Arc<str>> for Text {
    fn from(s: &Arc<str>) -> Text {
        Text::new(s)
    }
}

impl From<Arc<str>> for Text {
    fn from(s: Arc<str>) -> Text {
        Text::new(&s)
    }
}

impl From<&Text> for Arc<str> {
    fn from(t: &Text) -> Arc<str> {
        Arc::from(&**t)
    }
}

impl From<Text> for Arc<str> {
    fn from(t: Text) -> Arc<str> {
        Arc::from(&*t)
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

/// Hashes as the `str` it holds, so maps keyed by `Text` can be searched by `&str`.
impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// Immutable, shared bytes: what a `bytes` value holds.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ByteText(ThinArc<(), u8>);

impl ByteText {
    pub fn new(b: &[u8]) -> ByteText {
        ByteText(ThinArc::from_header_and_slice((), b))
    }

    /// `b` shared, or `None` when there is no memory for it.
    pub fn try_new(b: &[u8]) -> Option<ByteText> {
        ThinArc::try_from_header_and_slice((), b).ok().map(ByteText)
    }

    /// `len` bytes written by `fill` straight into the shared allocation, or `None` when there
    /// is no memory for them.
    pub fn try_filled(len: usize, fill: impl FnOnce(&mut [u8])) -> Option<ByteText> {
        let mut shared = ThinArc::try_from_header_and_iter((), std::iter::repeat_n(0, len)).ok()?;
        shared.with_arc_mut(|arc| {
            let unique = SharedArc::get_mut(arc).expect("a new allocation has no other owner");
            fill(unique.slice_mut());
        });
        Some(ByteText(shared))
    }

    /// The address of the bytes object, for `id()` and hashing by identity.
    pub fn address(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl Deref for ByteText {
    type Target = [u8];

    #[inline]
    fn deref(&self) -> &[u8] {
        &self.0.slice
    }
}

impl fmt::Debug for ByteText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// A library object (a task, a lock, a generator): its shared reference, boxed so that the
/// value holding it is one word.
#[derive(Clone)]
pub struct ObjRef(Box<Arc<dyn PyObject>>);

impl ObjRef {
    pub fn new(o: Arc<dyn PyObject>) -> ObjRef {
        ObjRef(Box::new(o))
    }
}

impl Deref for ObjRef {
    type Target = Arc<dyn PyObject>;

    #[inline]
    fn deref(&self) -> &Arc<dyn PyObject> {
        &self.0
    }
}
