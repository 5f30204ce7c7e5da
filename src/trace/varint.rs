//! LEB128 varints, zigzag for signed values and deltas: the number encoding shared by the
//! snapshot codec and the worker pipe.

use std::fmt;

use super::event::LaneIx;

/// Bytes being written.
#[derive(Debug, Default, Clone)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn uint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    pub fn int(&mut self, value: i64) {
        self.uint(((value << 1) ^ (value >> 63)) as u64);
    }

    /// `value` as the difference from `*previous`, which becomes `value`.
    pub fn delta(&mut self, previous: &mut u64, value: u64) {
        self.int(value.wrapping_sub(*previous) as i64);
        *previous = value;
    }

    /// A length, then the bytes.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.uint(bytes.len() as u64);
        self.0.extend_from_slice(bytes);
    }

    /// `None` as 0, lane `ix` as `ix + 1`.
    pub fn opt_lane(&mut self, lane: Option<LaneIx>) {
        self.uint(lane.map_or(0, |ix| u64::from(ix) + 1));
    }

    pub fn opt_u64(&mut self, value: Option<u64>) {
        match value {
            Some(value) => {
                self.uint(1);
                self.uint(value);
            }
            None => self.uint(0),
        }
    }
}

/// The position of `value` in `all`: how an enum value is written (read back with
/// [`Reader::pick`]).
pub fn position<T: PartialEq>(all: &[T], value: &T) -> u64 {
    all.iter().position(|v| v == value).unwrap_or(0) as u64
}

/// Why bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes end in the middle of a value.
    EndsEarly,
    /// A varint longer than 64 bits.
    TooLong,
    /// A value outside what the field allows.
    OutOfRange(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::EndsEarly => f.write_str("ends early"),
            ReadError::TooLong => f.write_str("a number is longer than 64 bits"),
            ReadError::OutOfRange(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for ReadError {}

pub type Read<T> = Result<T, ReadError>;

/// Bytes being read.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    pub bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn byte(&mut self) -> Read<u8> {
        let (&byte, rest) = self.bytes.split_first().ok_or(ReadError::EndsEarly)?;
        self.bytes = rest;
        Ok(byte)
    }

    pub fn uint(&mut self) -> Read<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ReadError::TooLong)
    }

    pub fn int(&mut self) -> Read<i64> {
        let zigzag = self.uint()?;
        Ok((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
    }

    pub fn delta(&mut self, previous: &mut u64) -> Read<u64> {
        *previous = previous.wrapping_add(self.int()? as u64);
        Ok(*previous)
    }

    pub fn u32(&mut self) -> Read<u32> {
        let value = self.uint()?;
        u32::try_from(value)
            .map_err(|_| ReadError::OutOfRange(format!("{value} does not fit 32 bits")))
    }

    /// A length, then that many bytes.
    pub fn bytes(&mut self) -> Read<&'a [u8]> {
        let len = usize::try_from(self.uint()?).unwrap_or(usize::MAX);
        if len > self.bytes.len() {
            return Err(ReadError::OutOfRange("a string runs past the end".into()));
        }
        let (bytes, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(bytes)
    }

    pub fn opt_lane(&mut self) -> Read<Option<LaneIx>> {
        Ok(match self.u32()? {
            0 => None,
            n => Some(n - 1),
        })
    }

    pub fn opt_u64(&mut self) -> Read<Option<u64>> {
        Ok(match self.uint()? {
            0 => None,
            _ => Some(self.uint()?),
        })
    }

    /// The value at position `code` of `all` (enums are stored as their position in a list).
    pub fn pick<T: Copy>(&mut self, all: &[T], what: &str) -> Read<T> {
        let code = self.uint()?;
        usize::try_from(code)
            .ok()
            .and_then(|i| all.get(i).copied())
            .ok_or_else(|| ReadError::OutOfRange(format!("unknown {what} {code}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_value_comes_back() {
        let mut w = Writer::default();
        let mut previous = 0;
        w.uint(0);
        w.uint(u64::MAX);
        w.int(i64::MIN);
        w.int(-1);
        w.delta(&mut previous, 1_000);
        w.delta(&mut previous, 10);
        w.bytes(b"hello");
        w.opt_lane(None);
        w.opt_lane(Some(7));
        w.opt_u64(Some(3));
        let mut r = Reader::new(&w.0);
        let mut previous = 0;
        assert_eq!(r.uint(), Ok(0));
        assert_eq!(r.uint(), Ok(u64::MAX));
        assert_eq!(r.int(), Ok(i64::MIN));
        assert_eq!(r.int(), Ok(-1));
        assert_eq!(r.delta(&mut previous), Ok(1_000));
        assert_eq!(r.delta(&mut previous), Ok(10));
        assert_eq!(r.bytes(), Ok(&b"hello"[..]));
        assert_eq!(r.opt_lane(), Ok(None));
        assert_eq!(r.opt_lane(), Ok(Some(7)));
        assert_eq!(r.opt_u64(), Ok(Some(3)));
        assert!(r.is_empty());
        assert_eq!(r.uint(), Err(ReadError::EndsEarly));
    }

    #[test]
    fn damaged_bytes_are_errors() {
        assert_eq!(Reader::new(&[0xff; 11]).uint(), Err(ReadError::TooLong));
        assert!(matches!(
            Reader::new(&[5, b'a']).bytes(),
            Err(ReadError::OutOfRange(_))
        ));
        assert!(matches!(
            Reader::new(&[9]).pick(&[1, 2], "thing"),
            Err(ReadError::OutOfRange(_))
        ));
    }
}
