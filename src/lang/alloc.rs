//! Memory whose size a program chooses (`'a' * n`, `[0] * n`, padding, joins, growing lists)
//! is reserved here: sizes are computed with checked arithmetic and memory is reserved with
//! `try_reserve`, so an impossible or refused allocation raises `MemoryError` instead of
//! aborting the process. A worker runs under a memory budget whose allocator refuses what
//! goes past it, so a refusal is an ordinary outcome.

use super::error::{Ctrl, Eval, ExcKind, Exception};
use super::text::{ByteText, Text};

/// `MemoryError()`, as CPython raises it (no message).
pub fn memory_error() -> Ctrl {
    Exception::with_args(ExcKind::MemoryError, vec![]).into()
}

/// An empty vector with room for exactly `n` items.
pub fn vec_with_capacity<T>(n: usize) -> Eval<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

/// Room for `additional` more items (amortised, as pushing would grow it).
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> Eval<()> {
    v.try_reserve(additional).map_err(|_| memory_error())
}

/// Appends one item.
#[inline]
pub fn push<T>(v: &mut Vec<T>, item: T) -> Eval<()> {
    if v.len() == v.capacity() {
        reserve(v, 1)?;
    }
    v.push(item);
    Ok(())
}

/// Appends clones of `items`.
pub fn extend_from_slice<T: Clone>(v: &mut Vec<T>, items: &[T]) -> Eval<()> {
    reserve(v, items.len())?;
    v.extend_from_slice(items);
    Ok(())
}

/// A copy of `items` (snapshots of containers are taken this way).
pub fn to_vec<T: Clone>(items: &[T]) -> Eval<Vec<T>> {
    let mut v = vec_with_capacity(items.len())?;
    v.extend_from_slice(items);
    Ok(v)
}

/// `count` copies of `items` one after another; `MemoryError` when that many cannot exist.
pub fn repeat<T: Clone>(items: &[T], count: usize) -> Eval<Vec<T>> {
    let total = items.len().checked_mul(count).ok_or_else(memory_error)?;
    let mut v = vec_with_capacity(total)?;
    if total > 0 {
        // Doubling what is there copies in large blocks, as `[T]::repeat` does.
        v.extend_from_slice(items);
        while v.len() <= total / 2 {
            v.extend_from_within(..);
        }
        v.extend_from_within(..total - v.len());
    }
    Ok(v)
}

/// An empty string with room for `bytes` bytes.
pub fn string_with_capacity(bytes: usize) -> Eval<String> {
    let mut s = String::new();
    s.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    Ok(s)
}

/// Appends `text`.
#[inline]
pub fn push_str(out: &mut String, text: &str) -> Eval<()> {
    out.try_reserve(text.len()).map_err(|_| memory_error())?;
    out.push_str(text);
    Ok(())
}

/// Appends `count` copies of `c` (padding).
pub fn push_fill(out: &mut String, c: char, count: usize) -> Eval<()> {
    let bytes = c.len_utf8().checked_mul(count).ok_or_else(memory_error)?;
    out.try_reserve(bytes).map_err(|_| memory_error())?;
    out.extend(std::iter::repeat_n(c, count));
    Ok(())
}

/// `count` copies of `text` one after another, as a shared string.
pub fn repeat_str(text: &str, count: usize) -> Eval<Text> {
    let bytes = repeat_bytes(text.as_bytes(), count)?;
    // SAFETY: whole copies of a `str` one after another are valid UTF-8.
    Ok(unsafe { Text::from_utf8_unchecked(bytes) })
}

/// `count` copies of `items` one after another, as shared bytes. Built in place, in one
/// allocation as CPython's are, so the memory a program asks for is what it gets.
pub fn repeat_bytes(items: &[u8], count: usize) -> Eval<ByteText> {
    let total = items.len().checked_mul(count).ok_or_else(memory_error)?;
    probe(total)?;
    ByteText::try_filled(total, |buf| {
        if total == 0 {
            return;
        }
        buf[..items.len()].copy_from_slice(items);
        // Doubling what is there copies in large blocks, as `[T]::repeat` does.
        let mut filled = items.len();
        while filled < total {
            let more = filled.min(total - filled);
            buf.copy_within(..more, filled);
            filled += more;
        }
    })
    .ok_or_else(memory_error)
}

/// `s` as the shared string a `str` value holds. Sharing copies it once more, so the room
/// for that copy is checked first: it is about to be freed and taken again at once.
pub fn shared_str(s: String) -> Eval<Text> {
    probe(s.len())?;
    Text::try_new(&s).ok_or_else(memory_error)
}

/// `b` as the shared bytes a `bytes` value holds (see [`shared_str`]).
pub fn shared_bytes(b: Vec<u8>) -> Eval<ByteText> {
    probe(b.len())?;
    ByteText::try_new(&b).ok_or_else(memory_error)
}

/// Fails unless `bytes` more bytes could be allocated right now.
fn probe(bytes: usize) -> Eval<()> {
    Vec::<u8>::new()
        .try_reserve_exact(bytes)
        .map_err(|_| memory_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_memory_error<T>(r: Eval<T>) -> bool {
        r.err()
            .and_then(|c| c.exception().map(|e| e.kind == ExcKind::MemoryError))
            .unwrap_or(false)
    }

    #[test]
    fn impossible_sizes_are_memory_errors() {
        assert!(is_memory_error(repeat(&[1u64, 2], usize::MAX / 2)));
        assert!(is_memory_error(repeat_str("ab", usize::MAX / 2)));
        assert!(is_memory_error(repeat_str("a", 1 << 62)));
        assert!(is_memory_error(vec_with_capacity::<u64>(1 << 61)));
        assert!(is_memory_error(push_fill(
            &mut String::new(),
            'é',
            usize::MAX
        )));
    }

    #[test]
    fn programs_asking_for_too_much_get_memory_errors() {
        let expressions = [
            "'a' * 2**40",
            "[1, 2] * 2**62",
            "'x'.ljust(2**62)",
            "b'x' * 10**11",
            "bytes(10**11)",
            "f'{1:>{2**62}}'",
            "list(range(10**18))",
            "'ab'.replace('', 'x' * 2**20) * 2**30",
        ];
        let got = crate::lang::testing::reprs("", &expressions);
        for (e, got) in expressions.iter().zip(got) {
            assert_eq!(got, "MemoryError()", "{e}");
        }
        assert_eq!(
            crate::lang::testing::reprs("", &["'ab' * 2**62", "b'ab' * 2**62"]),
            [
                "OverflowError('repeated string is too long')",
                "OverflowError('repeated bytes are too long')"
            ]
        );
    }

    #[test]
    fn possible_sizes_are_built() {
        assert_eq!(repeat(&[1, 2], 3).ok(), Some(vec![1, 2, 1, 2, 1, 2]));
        assert_eq!(repeat(&[7], 5).ok(), Some(vec![7; 5]));
        assert_eq!(repeat_str("ab", 2).ok().as_deref(), Some("abab"));
        assert_eq!(repeat_str("é", 5).ok().as_deref(), Some("ééééé"));
        assert_eq!(repeat_str("xyz", 1).ok().as_deref(), Some("xyz"));
        assert_eq!(repeat_str("", usize::MAX).ok().as_deref(), Some(""));
        assert_eq!(
            repeat_bytes(b"abc", 5).ok().as_deref(),
            Some(&b"abcabcabcabcabc"[..])
        );
        assert_eq!(repeat_bytes(&[0], 0).ok().as_deref(), Some(&b""[..]));
        assert_eq!(repeat::<u8>(&[], usize::MAX).ok(), Some(vec![]));
        let mut s = String::from("x");
        assert!(push_fill(&mut s, '-', 3).is_ok());
        assert_eq!(s, "x---");
    }
}
