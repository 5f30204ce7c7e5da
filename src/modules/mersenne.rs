//! CPython 3.11 `random` module algorithms (MT19937 core plus `Lib/random.py` methods) in pure std-only Rust, bit-identical to CPython for the same seed.
//!
//! The file is self-contained: it depends on no crate and no interpreter type, so a host
//! interpreter can wrap [`Random`] and map [`RandomError`] onto its own exception objects.
//!
//! Conventions:
//! * Sequence-level functions (`choice`, `sample`, `choices`) work on *indices*: the host indexes
//!   its own population with the returned values.
//! * Python's `random.seed(x)` corresponds to replacing the generator with one of the
//!   `Random::from_*` constructors (which also clears the cached `gauss` value, as CPython does).
//! * Floating-point functions go through the platform libm (`ln`, `exp`, `sin`, `cos`, `sqrt`,
//!   `powf`, `acos`), exactly as CPython does, so results are bit-identical when both are linked
//!   against the same libm (glibc on Linux).

use std::collections::HashSet;
use std::fmt;

/// Number of 32-bit words in the MT19937 state.
const N: usize = 624;
/// MT19937 middle word offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `4 * exp(-0.5) / sqrt(2.0)` (random.py's `NV_MAGICCONST`).
const NV_MAGICCONST: f64 = 1.7155277699214135;
/// `log(4.0)` (random.py's `LOG4`).
const LOG4: f64 = 1.3862943611198906;
/// `1.0 + log(4.5)` (random.py's `SG_MAGICCONST`).
const SG_MAGICCONST: f64 = 2.504077396776274;
/// `math.tau`.
const TWOPI: f64 = std::f64::consts::TAU;

/// The Python exception class a [`RandomError`] corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    IndexError,
    ZeroDivisionError,
    OverflowError,
}

impl ErrorKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::OverflowError => "OverflowError",
        }
    }
}

/// An error CPython would raise: the exception class and its exact message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandomError {
    pub kind: ErrorKind,
    pub message: String,
}

impl RandomError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        RandomError {
            kind,
            message: message.into(),
        }
    }
    fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }
}

impl fmt::Display for RandomError {
    /// Formats like the last line of a Python traceback: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for RandomError {}

fn math_domain_error() -> RandomError {
    RandomError::value("math domain error")
}

fn float_division_by_zero() -> RandomError {
    RandomError::new(ErrorKind::ZeroDivisionError, "float division by zero")
}

/// `math.log(x)` for a float: ValueError for x <= 0 (including -inf), NaN passes through.
fn py_log(x: f64) -> Result<f64, RandomError> {
    if x > 0.0 || x.is_nan() {
        Ok(x.ln())
    } else {
        Err(math_domain_error())
    }
}

/// `math.exp(x)`: OverflowError when a finite argument overflows.
fn py_exp(x: f64) -> Result<f64, RandomError> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        Err(RandomError::new(
            ErrorKind::OverflowError,
            "math range error",
        ))
    } else {
        Ok(r)
    }
}

/// `math.acos(x)`: ValueError outside [-1, 1].
fn py_acos(x: f64) -> Result<f64, RandomError> {
    if x.is_nan() || (-1.0..=1.0).contains(&x) {
        Ok(x.acos())
    } else {
        Err(math_domain_error())
    }
}

/// Float true division `a / b` raising ZeroDivisionError for a zero divisor.
fn py_div(a: f64, b: f64) -> Result<f64, RandomError> {
    if b == 0.0 {
        Err(float_division_by_zero())
    } else {
        Ok(a / b)
    }
}

/// `float ** float` for the operands that occur in this module (non-negative base): a zero base
/// with a negative exponent raises ZeroDivisionError and a finite overflow raises OverflowError,
/// as CPython's `float_pow`.  (A negative base with a fractional exponent, which Python turns into
/// a complex number, cannot occur here and yields NaN.)
fn py_pow(base: f64, exp: f64) -> Result<f64, RandomError> {
    if base == 0.0 && exp < 0.0 {
        return Err(RandomError::new(
            ErrorKind::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
        ));
    }
    let r = base.powf(exp);
    if r.is_infinite() && base.is_finite() && exp.is_finite() {
        return Err(RandomError::new(
            ErrorKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(r)
}

/// Python floor division for i128 (`//`), divisor non-zero.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// CPython's `hash(float)` (`_Py_HashDouble`) for a non-NaN float: the value reduced modulo
/// the Mersenne prime 2**61 - 1, sign applied, with -1 mapped to -2; infinities hash to
/// +/-314159.  NaN hashes by object identity in 3.11 and is not handled here.
fn float_hash(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    let raw = v.to_bits();
    let exp_field = ((raw >> 52) & 0x7ff) as i64;
    let frac = raw & ((1u64 << 52) - 1);
    // |v| == mant * 2**e2 exactly.
    let (mant, e2) = if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    };
    // mant < 2**53 < MODULUS; 2**61 == 1 (mod MODULUS), so multiplying by 2**e2 is a rotation
    // of the 61-bit residue by e2 mod 61.
    let e = e2.rem_euclid(BITS as i64) as u32;
    let x = mant as u128;
    let rotated = ((x << e) & MODULUS as u128) | (x >> (BITS - e));
    let mut h = rotated as i64;
    if raw >> 63 == 1 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `bisect.bisect_right(a, x, lo, hi)`.
fn bisect_right(a: &[f64], x: f64, mut lo: usize, mut hi: usize) -> usize {
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// A Mersenne Twister generator with CPython's `random.Random` semantics.
#[derive(Clone)]
pub struct Random {
    state: [u32; N],
    index: usize,
    /// Second value of the last Box-Muller pair, returned by the next `gauss` call.
    gauss_next: Option<f64>,
}

impl fmt::Debug for Random {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Random")
            .field("index", &self.index)
            .field("gauss_next", &self.gauss_next)
            .finish_non_exhaustive()
    }
}

impl Random {
    // ------------------------------------------------------------------ seeding

    fn blank() -> Self {
        Random {
            state: [0; N],
            index: N,
            gauss_next: None,
        }
    }

    /// MT19937 `init_genrand`.
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// MT19937 `init_by_array`; `key` must be non-empty.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Seeds from the absolute value of a non-negative big integer given as little-endian
    /// 32-bit words (least significant first), like `random.seed(n)` for an int `n` with
    /// `|n|` = Σ words[i]·2**(32·i).  Most-significant zero words are ignored, and an empty
    /// slice means 0 (CPython then uses the key `[0]`).
    pub fn from_words(words: &[u32]) -> Self {
        let used = words.iter().rposition(|&w| w != 0).map_or(0, |p| p + 1);
        let mut r = Self::blank();
        if used == 0 {
            r.init_by_array(&[0]);
        } else {
            r.init_by_array(&words[..used]);
        }
        r
    }

    /// `random.seed(n)` / `Random(n)` for an int `n` (its absolute value is used, so `n` and
    /// `-n` give the same stream; `i64::MIN` is handled without overflow).
    pub fn from_int(seed: i64) -> Self {
        Self::from_u64(seed.unsigned_abs())
    }

    fn from_u64(a: u64) -> Self {
        Self::from_words(&[a as u32, (a >> 32) as u32])
    }

    /// Seeding from a hash value, as CPython does for seeds that are not int/str/bytes:
    /// the hash is reinterpreted as an unsigned 64-bit integer (C `(size_t)hash`).
    pub fn from_hash(hash: i64) -> Self {
        Self::from_u64(hash as u64)
    }

    /// `random.seed(x)` for a float `x`: CPython seeds from `hash(x)` (so `seed(5.0)` equals
    /// `seed(5)`, and `seed(-0.25)` uses the 64-bit two's-complement of a negative hash).
    /// A NaN hashes by object identity in CPython 3.11, i.e. unpredictably; here it falls back
    /// to [`Random::from_entropy`].
    pub fn from_float(x: f64) -> Self {
        if x.is_nan() {
            Self::from_entropy()
        } else {
            Self::from_hash(float_hash(x))
        }
    }

    /// Version-2 seeding for `str` / `bytes` / `bytearray` (`random.seed(a)` with the default
    /// `version=2`): CPython seeds with `int.from_bytes(a + sha512(a).digest(), 'big')`.
    /// `data` is the bytes (a `str` is first encoded as UTF-8) and `sha512` is its SHA-512
    /// digest, computed by the host.
    pub fn from_str_bytes(data: &[u8], sha512: [u8; 64]) -> Self {
        // Little-endian 32-bit words of the big-endian integer data ++ sha512: walk the bytes
        // from the least significant (last) one; leading zero bytes become high zero words,
        // which from_words drops.
        let total = data.len() + sha512.len();
        let mut words = vec![0u32; total.div_ceil(4)];
        for (i, &b) in data.iter().chain(sha512.iter()).rev().enumerate() {
            words[i / 4] |= (b as u32) << (8 * (i % 4));
        }
        Self::from_words(&words)
    }

    /// An unseeded generator (`random.seed()` / `Random()`): 624 words from `/dev/urandom`,
    /// falling back to the clock and process id.  Not reproducible, and not meant to match
    /// any particular CPython run.
    pub fn from_entropy() -> Self {
        use std::io::Read;
        let mut buf = [0u8; N * 4];
        let ok = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(&mut buf))
            .is_ok();
        let key: Vec<u32> = if ok {
            buf.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        } else {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let local = 0u8;
            let addr = &local as *const u8 as usize as u64;
            vec![
                nanos as u32,
                (nanos >> 32) as u32,
                std::process::id(),
                addr as u32,
                (addr >> 32) as u32,
            ]
        };
        let mut r = Self::blank();
        r.init_by_array(&key);
        r
    }

    // ------------------------------------------------------------------ core generator

    /// The next raw 32-bit output (`genrand_uint32`); equals `getrandbits(32)`.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mix = |hi: u32, lo: u32| {
                let y = (hi & UPPER_MASK) | (lo & LOWER_MASK);
                (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
            };
            for kk in 0..N - M {
                mt[kk] = mt[kk + M] ^ mix(mt[kk], mt[kk + 1]);
            }
            for kk in N - M..N - 1 {
                mt[kk] = mt[kk + M - N] ^ mix(mt[kk], mt[kk + 1]);
            }
            mt[N - 1] = mt[M - 1] ^ mix(mt[N - 1], mt[0]);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: a float in [0.0, 1.0) built from 27 + 26 bits of two outputs.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Up to 128 random bits, filled as CPython does: 32-bit words from least to most
    /// significant, the last word shifted right to drop its excess low bits.
    fn bits_u128(&mut self, k: u32) -> u128 {
        debug_assert!(k <= 128);
        let mut result = 0u128;
        let mut remaining = k;
        let mut shift = 0;
        while remaining > 0 {
            let mut w = self.next_u32();
            if remaining < 32 {
                w >>= 32 - remaining;
            }
            result |= (w as u128) << shift;
            shift += 32;
            remaining = remaining.saturating_sub(32);
        }
        result
    }

    /// `getrandbits(k)` for `0 <= k <= 64` (panics for larger `k`; use
    /// wider ints).  `k == 0` returns 0 without consuming state.
    /// (Python's negative-`k` ValueError, "number of bits must be non-negative", is the host's
    /// job since `k` is unsigned here.)
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits: k must be <= 64, use a wider int");
        self.bits_u128(k) as u64
    }

    /// Fills `out` as `randbytes(len)` would: `getrandbits(8 * len).to_bytes(len, 'little')`,
    /// one word per four bytes, the last one's low bits dropped as `getrandbits` drops them.
    pub fn fill_bytes(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(4) {
            let word = self.next_u32() >> (32 - 8 * chunk.len() as u32);
            chunk.copy_from_slice(&word.to_le_bytes()[..chunk.len()]);
        }
    }

    fn randbelow_u128(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.bits_u128(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`): a uniform int in `[0, n)` by rejection
    /// sampling `getrandbits(n.bit_length())`.  For `n == 0` this returns 0 without consuming
    /// state; CPython 3.11 would loop forever there, but none of its public methods reach it.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        self.randbelow_u128(n as u128) as u64
    }

    // ------------------------------------------------------------------ integers

    fn randrange_wide(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: i128,
    ) -> Result<i128, RandomError> {
        let stop = match stop {
            None => {
                if step != 1 {
                    return Err(RandomError::new(
                        ErrorKind::TypeError,
                        "Missing a non-None stop argument",
                    ));
                }
                if start > 0 {
                    return Ok(self.randbelow_u128(start as u128) as i128);
                }
                return Err(RandomError::value("empty range for randrange()"));
            }
            Some(stop) => stop,
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width as u128) as i128);
            }
            return Err(RandomError::value(format!(
                "empty range for randrange() ({}, {}, {})",
                start, stop, width
            )));
        }
        let n = if step > 0 {
            floor_div(width + step - 1, step)
        } else if step < 0 {
            floor_div(width + step + 1, step)
        } else {
            return Err(RandomError::value("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(RandomError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_u128(n as u128) as i128)
    }

    /// `randrange(start)` (with `stop == None`) or `randrange(start, stop, step)`, with
    /// CPython 3.11's checks and messages:
    /// * `stop == None` and `step != 1`: TypeError "Missing a non-None stop argument"
    ///   (CPython tests `step is not 1`, which for ints means `step != 1`);
    /// * `stop == None` and `start <= 0`: ValueError "empty range for randrange()";
    /// * `step == 1` and `stop <= start`: ValueError "empty range for randrange() (start, stop, width)";
    /// * `step == 0`: ValueError "zero step for randrange()";
    /// * other empty ranges (also with negative steps): ValueError "empty range for randrange()".
    ///
    /// Arithmetic is done in i128, so no i64 combination overflows.  (Python 3.11's
    /// deprecated float-argument handling is the host's concern.)
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, RandomError> {
        self.randrange_wide(start as i128, stop.map(|s| s as i128), step as i128)
            .map(|v| v as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.  `b + 1` is computed in i128, so
    /// `randint(x, i64::MAX)` works (the result always fits in i64); `a > b` gives
    /// ValueError "empty range for randrange() (a, b+1, b+1-a)" as in CPython.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandomError> {
        self.randrange_wide(a as i128, Some(b as i128 + 1), 1)
            .map(|v| v as i64)
    }

    // ------------------------------------------------------------------ sequences

    /// `choice(seq)` as an index into a sequence of length `len`; IndexError
    /// "Cannot choose from an empty sequence" when `len == 0`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RandomError> {
        if len == 0 {
            return Err(RandomError::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `shuffle(x)` in place: for i from len-1 down to 1, swap x[i] with x[randbelow(i + 1)].
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// The indices `sample(population, k)` picks from a population of length `n`, in selection
    /// order, using CPython's choice between the pool algorithm (when `n <= setsize`, with
    /// `setsize = 21 + (4 ** ceil(log(3k, 4)) if k > 5 else 0)` computed in floating point like
    /// Python) and the rejection-with-set algorithm.  `k` is signed so the host can pass a
    /// Python int directly: `k < 0` or `k > n` gives ValueError
    /// "Sample larger than population or is negative".
    ///
    /// The `counts=` keyword of 3.11 is not implemented; it is `sample(range(sum(counts)), k)`
    /// mapped through `bisect_right` over the cumulative counts, which the host can compose.
    /// (The "Population must be a sequence" TypeError is also the host's check.)
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RandomError> {
        if k < 0 || k as u64 > n as u64 {
            return Err(RandomError::value(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: u128 = 21;
        if k > 5 {
            // math.log(k * 3, 4): both ints converted to float, then ln(x) / ln(4).
            let x = (k as u128 * 3) as f64;
            let e = (x.ln() / 4f64.ln()).ceil();
            setsize += 4u128.saturating_pow(e as u32);
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// Running sums as `list(itertools.accumulate(weights))` for floats (the first element is
    /// kept as is).  A host with int weights sums them as ints; passing them as f64 is exact
    /// while the partial sums stay below 2**53.
    pub fn accumulate_weights(weights: &[f64]) -> Vec<f64> {
        let mut out = Vec::with_capacity(weights.len());
        let mut acc: Option<f64> = None;
        for &w in weights {
            let s = match acc {
                None => w,
                Some(a) => a + w,
            };
            out.push(s);
            acc = Some(s);
        }
        out
    }

    /// `choices(population, k=k)` without weights for a population of length `n`:
    /// `floor(random() * float(n))` each time.  A negative Python `k` should be passed as 0
    /// (CPython returns `[]`).  For `n == 0` and `k > 0` CPython draws one `random()` and then
    /// fails indexing the empty population; this returns `[0]` after that single draw, so the
    /// host's own indexing raises its usual IndexError with the generator in CPython's state.
    pub fn choices_unweighted(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            out.push((self.random() * nf).floor() as usize);
            if n == 0 {
                break;
            }
        }
        out
    }

    /// `choices(population, cum_weights=cum_weights, k=k)` for a population of length `n`:
    /// `bisect_right(cum_weights, random() * total, 0, n - 1)` each time.  Errors, checked in
    /// CPython's order: ValueError "The number of weights does not match the population",
    /// IndexError "list index out of range" (empty weights with an empty population),
    /// ValueError "Total of weights must be greater than zero",
    /// ValueError "Total of weights must be finite".
    pub fn choices_weighted(
        &mut self,
        n: usize,
        cum_weights: &[f64],
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        if cum_weights.len() != n {
            return Err(RandomError::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&last) = cum_weights.last() else {
            return Err(RandomError::new(
                ErrorKind::IndexError,
                "list index out of range",
            ));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(RandomError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(RandomError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| bisect_right(cum_weights, self.random() * total, 0, hi))
            .collect())
    }

    /// Full `choices(population, weights, cum_weights=..., k=...)` dispatch for a population of
    /// length `n`: no weights → [`Random::choices_unweighted`]; `weights` → accumulated with
    /// [`Random::accumulate_weights`] then [`Random::choices_weighted`]; both given → TypeError
    /// "Cannot specify both weights and cumulative weights".  (The TypeError for a positional
    /// int `k`, "The number of choices must be a keyword argument: k=...", is the host's.)
    pub fn choices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        match (weights, cum_weights) {
            (None, None) => Ok(self.choices_unweighted(n, k)),
            (Some(w), None) => {
                let cw = Self::accumulate_weights(w);
                self.choices_weighted(n, &cw, k)
            }
            (Some(_), Some(_)) => Err(RandomError::new(
                ErrorKind::TypeError,
                "Cannot specify both weights and cumulative weights",
            )),
            (None, Some(cw)) => self.choices_weighted(n, cw, k),
        }
    }

    // ------------------------------------------------------------------ real distributions
    //
    // Arguments are f64.  A host passing Python ints converts them first; that is exact for
    // ints below 2**53 (CPython's int/int true division in `triangular` is correctly rounded,
    // like f64 division of exactly converted operands).

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`; `mode == None` means the midpoint.  A zero `high - low`
    /// with an explicit mode returns `low` (CPython catches its ZeroDivisionError) after
    /// drawing one `random()`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu, sigma)` (Kinderman–Monahan ratio of uniforms).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            // u2 is in (0, 1], so the log cannot fail.
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `gauss(mu, sigma)` (Box–Muller): computes a pair, returns the first and caches the
    /// second (unscaled) for the next call, exactly like CPython's `gauss_next`.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`; OverflowError
    /// "math range error" if the exponential overflows.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, RandomError> {
        let x = self.normalvariate(mu, sigma);
        py_exp(x)
    }

    /// `expovariate(lambd)` with 3.11 semantics: `-log(1.0 - random()) / lambd`;
    /// `lambd == 0` raises ZeroDivisionError "float division by zero" after the draw.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RandomError> {
        let x = -(1.0 - self.random()).ln();
        py_div(x, lambd)
    }

    /// `vonmisesvariate(mu, kappa)`: angle in [0, 2π).
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, RandomError> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * py_exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let theta = if u3 > 0.5 {
            mu + py_acos(f)?
        } else {
            mu - py_acos(f)?
        };
        Ok(py_mod(theta, TWOPI))
    }

    /// `gammavariate(alpha, beta)`; ValueError "gammavariate: alpha and beta must be > 0.0"
    /// (checked before drawing).
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(RandomError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            // R.C.H. Cheng (1977).
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = py_log(u1 / (1.0 - u1))? / ainv;
                let x = alpha * py_exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= py_log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            // Algorithm GS (Kennedy & Gentle).
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    py_pow(p, 1.0 / alpha)?
                } else {
                    -py_log((b - p) / alpha)?
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= py_pow(x, alpha - 1.0)? {
                        return Ok(x * beta);
                    }
                } else if u1 <= py_exp(-x)? {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `betavariate(alpha, beta)`: `y / (y + gammavariate(beta, 1))` with
    /// `y = gammavariate(alpha, 1)`, or 0.0 when `y == 0`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let y2 = self.gammavariate(beta, 1.0)?;
            return py_div(y, y + y2);
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`: `(1 - random()) ** (-1 / alpha)`; `alpha == 0` raises
    /// ZeroDivisionError "float division by zero" after the draw.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        py_pow(u, py_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`: `alpha * (-log(1 - random())) ** (1 / beta)`;
    /// `beta == 0` raises ZeroDivisionError "float division by zero" after the draw.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandomError> {
        let u = 1.0 - self.random();
        let base = -u.ln();
        Ok(alpha * py_pow(base, py_div(1.0, beta)?)?)
    }
}

/// Python's float `%` with a non-zero divisor (result takes the divisor's sign).
fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> String {
        format!("f{:016x}", x.to_bits())
    }

    fn list<T: ToString>(v: &[T]) -> String {
        format!(
            "[{}]",
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(",")
        )
    }

    fn err(e: &RandomError) -> String {
        format!("ERR:{}:{}", e.kind.name(), e.message)
    }

    fn res<T>(r: Result<T, RandomError>, show: impl Fn(T) -> String) -> String {
        match r {
            Ok(v) => show(v),
            Err(e) => err(&e),
        }
    }

    /// Indexing a Python list `list(range(n))` with the returned indices.
    fn index_list(n: usize, idx: Vec<usize>) -> String {
        if idx.iter().any(|&i| i >= n) {
            "ERR:IndexError:list index out of range".to_string()
        } else {
            list(&idx)
        }
    }

    /// Mirrors `scenario()` in gen.py call for call.
    fn scenario(r: &mut Random) -> Vec<String> {
        let mut out = Vec::new();
        let mut emit = |label: String, v: String| out.push(format!("{}={}", label, v));
        for _ in 0..5 {
            emit("random".into(), f(r.random()));
        }
        for k in [0u32, 1, 7, 32, 33, 53, 64] {
            for _ in 0..2 {
                emit(format!("getrandbits{}", k), r.getrandbits(k).to_string());
            }
        }
        for n in [
            1u64,
            2,
            3,
            10,
            1000,
            1 << 31,
            (1 << 32) + 1,
            (1 << 53) + 7,
            u64::MAX,
        ] {
            emit(format!("randbelow{}", n), r.randbelow(n).to_string());
        }
        for &(a, b, s) in RANGES {
            let label = match b {
                None => format!("randrange({},None,{})", a, s),
                Some(b) => format!("randrange({},{},{})", a, b, s),
            };
            emit(label, res(r.randrange(a, b, s), |v| v.to_string()));
        }
        for &(a, b) in INTS {
            emit(
                format!("randint({},{})", a, b),
                res(r.randint(a, b), |v| v.to_string()),
            );
        }
        for n in [10usize, 3, 1, 0] {
            let mut x: Vec<usize> = (0..n).collect();
            r.shuffle(&mut x);
            emit(format!("shuffle{}", n), list(&x));
        }
        for &(n, k) in SAMPLES {
            emit(
                format!("sample({},{})", n, k),
                res(r.sample_indices(n, k), |v| list(&v)),
            );
        }
        for (n, k) in [(7usize, 10usize), (1, 3), (0, 0), (0, 2), (3, 1)] {
            let idx = r.choices_unweighted(n, k);
            emit(format!("choices({},{})", n, k), index_list(n, idx));
        }
        for (i, (n, w, cw, k)) in weighted_cases().into_iter().enumerate() {
            let v = r.choices(n, w.as_deref(), cw.as_deref(), k);
            emit(format!("wchoices{}", i), res(v, |idx| index_list(n, idx)));
        }
        for (a, b) in [(1.5, 7.25), (-3.0, 3.0), (5.0, 5.0), (10.0, -10.0)] {
            emit("uniform".into(), f(r.uniform(a, b)));
        }
        for _ in 0..5 {
            emit("gauss".into(), f(r.gauss(0.0, 1.0)));
        }
        emit("random".into(), f(r.random()));
        for _ in 0..3 {
            emit("gauss".into(), f(r.gauss(10.0, 2.5)));
        }
        for _ in 0..3 {
            emit("normalvariate".into(), f(r.normalvariate(0.0, 1.0)));
        }
        emit("gauss".into(), f(r.gauss(0.0, 1.0)));
        for (a, b, m) in [
            (0.0, 1.0, None),
            (1.0, 10.0, Some(3.0)),
            (5.0, 5.0, Some(5.0)),
            (2.0, 8.0, None),
            (10.0, 0.0, Some(2.0)),
            (0.0, 1.0, Some(0.0)),
        ] {
            emit("triangular".into(), f(r.triangular(a, b, m)));
        }
        for l in [1.5, -2.0, 0.0] {
            emit("expovariate".into(), res(r.expovariate(l), f));
        }
        emit("lognormvariate".into(), res(r.lognormvariate(0.0, 0.5), f));
        for (m, k) in [(1.0, 4.0), (0.0, 0.0), (-2.0, 0.5)] {
            emit("vonmises".into(), res(r.vonmisesvariate(m, k), f));
        }
        for (a, b) in [
            (0.5, 2.0),
            (1.0, 3.0),
            (2.5, 1.5),
            (0.0, 1.0),
            (100.0, 0.01),
        ] {
            emit("gamma".into(), res(r.gammavariate(a, b), f));
        }
        for (a, b) in [(2.0, 3.0), (0.5, 0.5)] {
            emit("beta".into(), res(r.betavariate(a, b), f));
        }
        for a in [2.5, 0.0] {
            emit("pareto".into(), res(r.paretovariate(a), f));
        }
        for (a, b) in [(1.5, 2.0), (1.0, 0.0)] {
            emit("weibull".into(), res(r.weibullvariate(a, b), f));
        }
        for n in [5usize, 5, 5, 0, 1_000_000] {
            emit(
                format!("choice{}", n),
                res(r.choice_index(n), |v| v.to_string()),
            );
        }
        for n in [5usize, 9, 0] {
            let mut b = vec![0; n];
            r.fill_bytes(&mut b);
            emit(
                format!("randbytes{}", n),
                format!(
                    "b{}",
                    b.iter().map(|x| format!("{:02x}", x)).collect::<String>()
                ),
            );
        }
        for _ in 0..2 {
            emit("random".into(), f(r.random()));
        }
        out
    }

    fn check(name: &str, mut r: Random, expected: &[&str]) {
        let got = scenario(&mut r);
        assert_eq!(got.len(), expected.len(), "{}: scenario length", name);
        for (i, (g, e)) in got.iter().zip(expected).enumerate() {
            assert_eq!(g, e, "{}: step {} differs", name, i);
        }
    }

    #[test]
    fn int_seeds() {
        check("0", Random::from_int(0), INT_0);
        check("1", Random::from_int(1), INT_1);
        check("42", Random::from_int(42), INT_42);
        check("12345", Random::from_int(12345), INT_12345);
        check("2**40", Random::from_int(1 << 40), INT_1099511627776);
        check("-7", Random::from_int(-7), INT_M7);
        check(
            "2**63-1",
            Random::from_int(i64::MAX),
            INT_9223372036854775807,
        );
        check(
            "-2**63",
            Random::from_int(i64::MIN),
            INT_M9223372036854775808,
        );
    }

    #[test]
    fn word_seeds() {
        // 2**100 + 12345 as little-endian 32-bit words.
        check(
            "2**100+12345",
            Random::from_words(&[12345, 0, 0, 16]),
            BIG_2_100_PLUS_12345,
        );
        // High zero words are ignored; an empty key is the seed 0.
        check(
            "words with zero tail",
            Random::from_words(&[12345, 0, 0, 16, 0, 0]),
            BIG_2_100_PLUS_12345,
        );
        check("empty words", Random::from_words(&[]), INT_0);
        check("[0]", Random::from_words(&[0]), INT_0);
        check("[42, 0]", Random::from_words(&[42, 0]), INT_42);
        // A value just above 2**32 uses two words.
        let mut a = Random::from_int((1 << 32) + 5);
        let mut b = Random::from_words(&[5, 1]);
        assert_eq!(a.next_u32(), b.next_u32());
    }

    #[test]
    fn str_and_bytes_seeds() {
        check(
            "interleave",
            Random::from_str_bytes(STR_INTERLEAVE_BYTES, STR_INTERLEAVE_SHA512),
            STR_INTERLEAVE,
        );
        assert_eq!(STR_INTERLEAVE_BYTES, b"interleave");
        check(
            "b''",
            Random::from_str_bytes(BYTES_EMPTY_BYTES, BYTES_EMPTY_SHA512),
            BYTES_EMPTY,
        );
        assert_eq!(STR_UNICODE_BYTES, "héllo wörld ✓".as_bytes());
        check(
            "unicode",
            Random::from_str_bytes(STR_UNICODE_BYTES, STR_UNICODE_SHA512),
            STR_UNICODE,
        );
    }

    #[test]
    fn float_seeds_and_hash() {
        for &(x, h) in FLOAT_HASHES {
            assert_eq!(float_hash(x), h, "hash({:e})", x);
        }
        check("3.5", Random::from_float(3.5), FLOAT_3_5);
        check("-0.25", Random::from_float(-0.25), FLOAT_M0_25);
        check("1e300", Random::from_float(1e300), FLOAT_1E300);
        check("5.0", Random::from_float(5.0), FLOAT_5);
        check("5.0 == 5", Random::from_float(5.0), INT_5);
        check("1e-320", Random::from_float(1e-320), FLOAT_SUBNORMAL);
    }

    #[test]
    fn constants_match_formulas() {
        assert_eq!(
            NV_MAGICCONST.to_bits(),
            (4.0 * (-0.5f64).exp() / 2.0f64.sqrt()).to_bits()
        );
        assert_eq!(LOG4.to_bits(), 4.0f64.ln().to_bits());
        assert_eq!(SG_MAGICCONST.to_bits(), (1.0 + 4.5f64.ln()).to_bits());
    }

    #[test]
    fn accumulate() {
        assert_eq!(Random::accumulate_weights(&[]), Vec::<f64>::new());
        assert_eq!(
            Random::accumulate_weights(&[-0.0])[0].to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(
            Random::accumulate_weights(&[0.1, 0.2, 0.7]),
            vec![0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.7]
        );
    }

    #[test]
    fn entropy_seeding_works() {
        let mut a = Random::from_entropy();
        let mut b = Random::from_entropy();
        let va: Vec<u32> = (0..8).map(|_| a.next_u32()).collect();
        let vb: Vec<u32> = (0..8).map(|_| b.next_u32()).collect();
        assert_ne!(va, vb);
        let x = a.random();
        assert!((0.0..1.0).contains(&x));
    }

    #[test]
    fn error_messages() {
        let mut r = Random::from_int(3);
        for (got, want) in [
            (r.randrange(0, None, 1).unwrap_err(), ERR_RANGE_NONE),
            (r.randrange(10, None, 2).unwrap_err(), ERR_MISSING_STOP),
            (r.randrange(3, Some(3), 1).unwrap_err(), ERR_RANGE_3_3),
            (r.randrange(0, Some(10), 0).unwrap_err(), ERR_ZERO_STEP),
            (r.randrange(0, Some(10), -1).unwrap_err(), ERR_RANGE_NEG),
            (r.randint(5, 3).unwrap_err(), ERR_RANDINT),
            (r.choice_index(0).unwrap_err(), ERR_CHOICE),
            (r.sample_indices(3, 4).unwrap_err(), ERR_SAMPLE),
            (r.sample_indices(3, -1).unwrap_err(), ERR_SAMPLE),
            (
                r.choices(2, Some(&[1.0]), None, 1).unwrap_err(),
                ERR_WEIGHTS_LEN,
            ),
            (
                r.choices(2, Some(&[0.0, 0.0]), None, 1).unwrap_err(),
                ERR_WEIGHTS_ZERO,
            ),
            (
                r.choices(2, Some(&[1.0, f64::INFINITY]), None, 1)
                    .unwrap_err(),
                ERR_WEIGHTS_FINITE,
            ),
            (
                r.choices(1, Some(&[1.0]), Some(&[1.0]), 1).unwrap_err(),
                ERR_WEIGHTS_BOTH,
            ),
            (
                r.choices(0, Some(&[]), None, 1).unwrap_err(),
                ERR_WEIGHTS_EMPTY,
            ),
            (r.expovariate(0.0).unwrap_err(), ERR_EXPO),
            (r.gammavariate(-1.0, 1.0).unwrap_err(), ERR_GAMMA),
            (r.paretovariate(0.0).unwrap_err(), ERR_EXPO),
            (r.weibullvariate(1.0, 0.0).unwrap_err(), ERR_EXPO),
        ] {
            assert_eq!(format!("{}", got), want);
        }
        // Python-level helpers.
        assert_eq!(
            format!("{}", py_pow(2.0, 5000.0).unwrap_err()),
            ERR_POW_OVERFLOW
        );
        assert_eq!(format!("{}", py_pow(0.0, -1.0).unwrap_err()), ERR_POW_ZERO);
        assert_eq!(format!("{}", py_exp(1000.0).unwrap_err()), ERR_EXP_RANGE);
        assert_eq!(format!("{}", py_log(0.0).unwrap_err()), ERR_DOMAIN);
        assert_eq!(
            format!("{}", py_acos(1.0000000000000002).unwrap_err()),
            ERR_DOMAIN
        );
        assert_eq!(py_pow(2.0, -1074.5).unwrap().to_bits(), 1);
    }

    #[test]
    fn randint_extremes_fit() {
        let mut r = Random::from_int(8);
        for _ in 0..100 {
            let v = r.randint(i64::MAX - 1, i64::MAX).unwrap();
            assert!(v >= i64::MAX - 1);
            let w = r.randrange(i64::MIN, Some(i64::MIN + 2), 1).unwrap();
            assert!(w <= i64::MIN + 1);
        }
    }
    // ---- generated by gen.py with CPython 3.11.7 ----
    const RANGES: &[(i64, Option<i64>, i64)] = &[
        (10, None, 1),
        (1, None, 1),
        (0, None, 1),
        (-3, None, 1),
        (10, None, 2),
        (3, Some(17), 1),
        (-5, Some(5), 1),
        (3, Some(3), 1),
        (5, Some(2), 1),
        (0, Some(100), 7),
        (100, Some(0), -7),
        (10, Some(-10), -3),
        (-10, Some(10), 3),
        (0, Some(1), 1),
        (5, Some(6), -1),
        (0, Some(10), 0),
        (10, Some(0), 2),
        (0, Some(10), -1),
        (i64::MIN, Some(9223372036854775807), 1),
        (9223372036854775807, Some(i64::MIN), -1),
        (9223372036854775806, Some(i64::MIN), -5),
        (0, Some(4611686018427387904), 3),
        (i64::MIN, Some(9223372036854775807), 9223372036854775807),
        (9223372036854775807, Some(i64::MIN), i64::MIN),
        (7, Some(-7), -1),
    ];
    const INTS: &[(i64, i64)] = &[
        (1, 6),
        (-100, 100),
        (0, 0),
        (i64::MIN, 9223372036854775807),
        (9223372036854775805, 9223372036854775807),
        (5, 3),
        (i64::MIN, i64::MIN),
    ];
    const SAMPLES: &[(usize, i64)] = &[
        (100, 10),
        (30, 20),
        (1000, 5),
        (10, 10),
        (5, 0),
        (85, 6),
        (86, 6),
        (21, 5),
        (22, 5),
        (0, 0),
        (3, 4),
        (3, -1),
        (1000000, 50),
        (200, 100),
        (50, 40),
    ];
    /// Population size, weights, cumulative weights, k.
    type WeightedCase = (usize, Option<Vec<f64>>, Option<Vec<f64>>, usize);

    fn weighted_cases() -> Vec<WeightedCase> {
        vec![
            (
                4,
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x4000000000000000),
                    f64::from_bits(0x4008000000000000),
                    f64::from_bits(0x4010000000000000),
                ]),
                None,
                10,
            ),
            (
                4,
                None,
                Some(vec![
                    f64::from_bits(0x3fe0000000000000),
                    f64::from_bits(0x3ff8000000000000),
                    f64::from_bits(0x3ff8000000000000),
                    f64::from_bits(0x4010000000000000),
                ]),
                10,
            ),
            (
                3,
                Some(vec![
                    f64::from_bits(0x3fb999999999999a),
                    f64::from_bits(0x3fc999999999999a),
                    f64::from_bits(0x3fe6666666666666),
                ]),
                None,
                5,
            ),
            (
                3,
                Some(vec![
                    f64::from_bits(0x0000000000000000),
                    f64::from_bits(0x0000000000000000),
                    f64::from_bits(0x3ff0000000000000),
                ]),
                None,
                3,
            ),
            (
                3,
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x4000000000000000),
                ]),
                None,
                2,
            ),
            (
                2,
                Some(vec![
                    f64::from_bits(0x0000000000000000),
                    f64::from_bits(0x0000000000000000),
                ]),
                None,
                2,
            ),
            (
                2,
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x7ff0000000000000),
                ]),
                None,
                2,
            ),
            (1, Some(vec![f64::from_bits(0x7ff8000000000000)]), None, 1),
            (
                2,
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x3ff0000000000000),
                ]),
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x4000000000000000),
                ]),
                1,
            ),
            (0, Some(vec![]), None, 2),
            (
                2,
                Some(vec![
                    f64::from_bits(0xbff0000000000000),
                    f64::from_bits(0xc000000000000000),
                ]),
                None,
                1,
            ),
            (1, None, Some(vec![f64::from_bits(0x4008000000000000)]), 4),
            (
                3,
                None,
                Some(vec![
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x3ff0000000000000),
                    f64::from_bits(0x3ff0000000000000),
                ]),
                0,
            ),
            (
                5,
                Some(vec![
                    f64::from_bits(0x01a56e1fc2f8f359),
                    f64::from_bits(0x7e37e43c8800759c),
                    f64::from_bits(0x0000000000000000),
                    f64::from_bits(0x4004000000000000),
                    f64::from_bits(0x3ff0000000000000),
                ]),
                None,
                6,
            ),
        ]
    }
    const INT_0: &[&str] = &[
        "random=f3feb0580f98a7dbe",
        "random=f3fe84129978f9c1a",
        "random=f3fdaeaa51052e978",
        "random=f3fd092178fb945a6",
        "random=f3fe05c5ccdf19707",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=1",
        "getrandbits7=100",
        "getrandbits7=106",
        "getrandbits32=1302718217",
        "getrandbits32=4156669319",
        "getrandbits33=2046968324",
        "getrandbits33=6800574079",
        "getrandbits53=1967558483383827",
        "getrandbits53=1254467625494646",
        "getrandbits64=2577854692418029171",
        "getrandbits64=1749318759610081913",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=1",
        "randbelow10=1",
        "randbelow1000=747",
        "randbelow2147483648=316721330",
        "randbelow4294967297=2937688618",
        "randbelow9007199254740999=6373336762781172",
        "randbelow18446744073709551615=5832799601125876386",
        "randrange(10,None,1)=9",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=11",
        "randrange(-5,5,1)=2",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=49",
        "randrange(100,0,-7)=9",
        "randrange(10,-10,-3)=-2",
        "randrange(-10,10,3)=-4",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=7719314788636315066",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-7673743754300722855",
        "randrange(9223372036854775806,-9223372036854775808,-5)=7072669246140371126",
        "randrange(0,4611686018427387904,3)=4325294532542612355",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=-6",
        "randint(1,6)=3",
        "randint(-100,100)=-38",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=6833988034105567979",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[4,1,5,9,8,6,0,7,2,3]",
        "shuffle3=[0,1,2]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[90,15,70,42,69,26,77,75,36,56]",
        "sample(30,20)=[2,19,25,12,10,18,7,9,5,6,21,1,8,15,29,24,27,26,16,11]",
        "sample(1000,5)=[945,39,862,82,919]",
        "sample(10,10)=[8,6,4,7,1,5,3,2,9,0]",
        "sample(5,0)=[]",
        "sample(85,6)=[63,82,45,10,41,78]",
        "sample(86,6)=[14,62,75,80,42,24]",
        "sample(21,5)=[7,0,8,3,20]",
        "sample(22,5)=[11,5,10,13,1]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[105494,821159,153467,896870,731560,229400,47431,856812,601742,665013,954220,982012,560147,631421,713649,77591,27993,130488,665845,197678,635791,870408,603930,125509,410212,95978,388119,874349,121683,38159,634917,22687,204043,193957,752996,129913,502512,220805,762477,839643,64052,982483,712347,23889,570672,446293,650746,106430,876507,272545]",
        "sample(200,100)=[17,56,18,165,77,89,111,46,15,128,119,10,152,25,179,100,51,66,91,120,145,43,172,52,14,173,40,41,87,135,64,30,187,113,44,3,180,104,185,130,79,181,99,169,39,143,164,117,20,85,11,139,71,34,61,123,90,73,158,33,159,157,106,151,0,49,150,174,161,57,114,96,137,4,183,193,194,72,53,98,84,154,5,21,160,8,140,144,136,115,67,62,147,195,190,170,126,63,177,155]",
        "sample(50,40)=[29,3,26,12,35,40,5,8,0,25,47,20,41,13,37,45,33,6,46,48,19,38,32,9,42,22,43,30,15,31,2,34,44,14,24,36,4,49,10,17]",
        "choices(7,10)=[5,4,0,1,5,0,1,1,2,2]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[1]",
        "wchoices0=[2,3,2,2,3,1,2,1,1,1]",
        "wchoices1=[1,1,0,3,0,1,1,3,1,3]",
        "wchoices2=[1,1,2,2,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401172a92db9ee14",
        "uniform=fc0062f36ca3046de",
        "uniform=f4014000000000000",
        "uniform=fc00df00bb1e353ac",
        "gauss=f3fd594d21ba33824",
        "gauss=f3fe005790d4ad868",
        "gauss=fbffaa292264fecc8",
        "gauss=fbfe6d93e035bc78f",
        "gauss=f3fdb4124fe34212d",
        "random=f3fe9d945dc56b39e",
        "gauss=f4023e2dc1ba5a22f",
        "gauss=f40252229ccfefa30",
        "gauss=f402758facc92ce66",
        "normalvariate=fbfcc0b5b9d52369c",
        "normalvariate=f3fc176430ab22502",
        "normalvariate=f3fde12ffc050459f",
        "gauss=f3fe384dfd8f292d8",
        "triangular=f3fef52dceaeb0204",
        "triangular=f40138d80c5ebf76e",
        "triangular=f4014000000000000",
        "triangular=f400edec0974c2e61",
        "triangular=f401bdde3032d0773",
        "triangular=f3fe27f9a9d48eb19",
        "expovariate=f3ff470f209a6a229",
        "expovariate=fbf8cae0140f7cb7a",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ff4fc42cd07fd6f",
        "vonmises=f3ff7c196f46e97d7",
        "vonmises=f40190ef0baf3c071",
        "vonmises=f4000b385fcab72c2",
        "gamma=f3fe2d9f56159a471",
        "gamma=f40150d796ce148a6",
        "gamma=f3ff485f7e9cd2e4b",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fefe3f077261383",
        "beta=f3fde27f4ba0445b0",
        "beta=f3fe0b1cd9ebe276e",
        "pareto=f40075a58f67346d0",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ffa8a09b39be8c8",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=2",
        "choice5=0",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=550615",
        "randbytes5=b3d5ffb25df",
        "randbytes9=b5903c3417a1f439ac8",
        "randbytes0=b",
        "random=f3fc3f4b4fd7a3280",
        "random=f3fd8419ea4a9e0bc",
    ];
    const INT_1: &[&str] = &[
        "random=f3fc132d8f91b7584",
        "random=f3feb1e2d5b3584f8",
        "random=f3fe870d778409f13",
        "random=f3fd0530d08f17f5c",
        "random=f3fdfb5355e16737a",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=0",
        "getrandbits7=83",
        "getrandbits7=48",
        "getrandbits32=3387541014",
        "getrandbits32=901749037",
        "getrandbits33=403123852",
        "getrandbits33=4416718760",
        "getrandbits53=3511087814456242",
        "getrandbits53=5471313452454534",
        "getrandbits64=14151560559444937093",
        "getrandbits64=12835850853227824550",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=2",
        "randbelow10=3",
        "randbelow1000=605",
        "randbelow2147483648=439062303",
        "randbelow4294967297=3871601465",
        "randbelow9007199254740999=402116444471004",
        "randbelow18446744073709551615=11982011376358104761",
        "randrange(10,None,1)=8",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=9",
        "randrange(-5,5,1)=-2",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=42",
        "randrange(100,0,-7)=23",
        "randrange(10,-10,-3)=10",
        "randrange(-10,10,3)=2",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-1145771789528209265",
        "randrange(9223372036854775807,-9223372036854775808,-1)=77250497522876432",
        "randrange(9223372036854775806,-9223372036854775808,-5)=3848810453695658316",
        "randrange(0,4611686018427387904,3)=1597026010845378432",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=-5",
        "randint(1,6)=4",
        "randint(-100,100)=-26",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=8618508352017306108",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775807",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[2,5,1,0,3,8,6,7,9,4]",
        "shuffle3=[0,1,2]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[53,85,22,46,70,89,99,86,94,47]",
        "sample(30,20)=[2,14,21,16,3,24,5,26,12,11,15,0,19,1,9,20,13,17,27,28]",
        "sample(1000,5)=[403,662,174,172,514]",
        "sample(10,10)=[3,0,9,4,6,1,7,2,5,8]",
        "sample(5,0)=[]",
        "sample(85,6)=[58,34,70,77,0,49]",
        "sample(86,6)=[65,16,66,71,26,54]",
        "sample(21,5)=[1,15,11,17,6]",
        "sample(22,5)=[16,13,15,11,0]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[564635,566345,653776,824646,642202,347222,480401,628993,29333,843652,240758,666234,185819,577509,612851,189565,902833,96051,837223,577795,835817,892625,856096,976171,267695,34035,882633,989405,705810,73875,87277,910245,17501,475003,15267,790778,792290,294856,261681,281691,114807,836016,655152,193577,361153,304385,72892,175605,167379,267613]",
        "sample(200,100)=[135,43,168,69,165,182,75,116,179,82,127,121,29,6,79,98,87,107,48,66,27,64,130,53,155,110,5,57,4,101,37,9,41,114,129,109,139,56,161,132,115,172,134,7,170,147,190,164,15,76,32,54,12,78,18,19,185,150,40,106,178,33,2,197,55,117,198,177,136,96,51,88,25,26,73,86,166,199,193,24,63,13,85,49,169,163,119,137,167,146,195,36,112,20,189,111,103,72,100,17]",
        "sample(50,40)=[21,27,13,17,43,6,24,35,22,34,31,40,15,4,2,5,8,10,32,29,46,44,33,45,39,19,16,48,11,25,20,3,9,7,37,42,30,41,1,38]",
        "choices(7,10)=[0,0,6,5,5,2,4,5,2,3]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[1]",
        "wchoices0=[3,2,1,3,3,0,3,0,1,3]",
        "wchoices1=[0,1,3,3,0,1,1,3,0,3]",
        "wchoices2=[2,2,2,1,1]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401c4e296cef82f0",
        "uniform=fc002a794767fe74c",
        "uniform=f4014000000000000",
        "uniform=fc002d95eab8ef2d0",
        "gauss=f3ff3dcbd550ed2d5",
        "gauss=fbfc41f0ce0eb0421",
        "gauss=fbfe1d80cdffa9a2f",
        "gauss=fbff5ce6fe37d319f",
        "gauss=fbfb23e8070124e8e",
        "random=f3fd3ab263197fe80",
        "gauss=f402a3c22286b2151",
        "gauss=f40240bfd6194349d",
        "gauss=f40260f38130fa1d2",
        "normalvariate=fbfd06ff35fe662e5",
        "normalvariate=fbfd158ab76a232da",
        "normalvariate=fbfdbc2b451638af5",
        "gauss=f3ff368581d9b9444",
        "triangular=f3fd8e7233e010070",
        "triangular=f400c3166e4756392",
        "triangular=f4014000000000000",
        "triangular=f4014fd1120854e9a",
        "triangular=f4008c2dc1dff97f4",
        "triangular=f3fc0c97ddc29b134",
        "expovariate=f3f8c1ac8ad951365",
        "expovariate=fbfc1e19df1bbfd38",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ff0c648ddfc72a8",
        "vonmises=f3fee1b716d1ff134",
        "vonmises=f4013e8e6fbb86d66",
        "vonmises=f400944ebe260308b",
        "gamma=f3f911158e334786d",
        "gamma=f3fe2436bddac14aa",
        "gamma=f401bef88ce0b3fde",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff1d439d264f021",
        "beta=f3fcbb748cf389680",
        "beta=f3fe6f647539b605e",
        "pareto=f3ffa6dbc5cb457a4",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3fe9e63ec36b9d2a",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=3",
        "choice5=3",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=262374",
        "randbytes5=bd8b9978a70",
        "randbytes9=be250eed94b4bbe8974",
        "randbytes0=b",
        "random=f3f864130654d4780",
        "random=f3feac2e5595acc15",
    ];
    const INT_5: &[&str] = &[
        "random=f3fe3eecf89059360",
        "random=f3fe7bcb8116f23ee",
        "random=f3fe97239c6c3047f",
        "random=f3fee288d7f5db50c",
        "random=f3fe7ad3fc69bae32",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=3",
        "getrandbits7=107",
        "getrandbits32=1999834075",
        "getrandbits32=3332716663",
        "getrandbits33=4051686260",
        "getrandbits33=2787324501",
        "getrandbits53=1412794706651707",
        "getrandbits53=3348816551678198",
        "getrandbits64=16019991071338850466",
        "getrandbits64=7023743836218156456",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=0",
        "randbelow10=3",
        "randbelow1000=417",
        "randbelow2147483648=1200367645",
        "randbelow4294967297=1672620529",
        "randbelow9007199254740999=2499808714169928",
        "randbelow18446744073709551615=11389988611466225948",
        "randrange(10,None,1)=7",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=5",
        "randrange(-5,5,1)=-5",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=91",
        "randrange(100,0,-7)=100",
        "randrange(10,-10,-3)=7",
        "randrange(-10,10,3)=8",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=8899098810379854783",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-6869710717905637722",
        "randrange(9223372036854775806,-9223372036854775808,-5)=2552448951054130626",
        "randrange(0,4611686018427387904,3)=3730093981476797304",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=5",
        "randint(1,6)=6",
        "randint(-100,100)=-50",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-8825471851359801872",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[3,7,5,0,8,6,9,1,4,2]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[45,39,61,89,40,23,60,90,22,7]",
        "sample(30,20)=[8,0,23,11,12,28,17,13,26,25,18,24,14,1,5,9,3,16,22,7]",
        "sample(1000,5)=[352,524,363,914,537]",
        "sample(10,10)=[4,7,1,9,5,2,6,0,8,3]",
        "sample(5,0)=[]",
        "sample(85,6)=[26,43,65,78,46,18]",
        "sample(86,6)=[43,35,69,11,39,40]",
        "sample(21,5)=[9,5,2,4,20]",
        "sample(22,5)=[15,5,1,2,19]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[559447,968471,425604,33372,248865,776531,622812,360534,866433,262363,477799,682587,442244,152703,58413,960568,669331,34310,840606,517539,350418,879156,217118,136914,767205,591446,995935,139226,661021,940044,826287,433924,111810,177021,455664,391116,156495,61625,885767,441079,309133,148061,475167,966790,650538,893651,177513,547560,475571,511871]",
        "sample(200,100)=[176,186,81,122,70,74,120,103,37,28,96,136,45,160,127,86,46,22,125,69,131,140,128,92,16,91,150,169,8,78,93,143,71,124,67,75,87,187,148,2,121,178,64,83,195,118,73,177,174,89,155,88,104,173,44,115,172,85,132,36,135,42,50,199,196,72,20,106,43,107,77,180,7,25,133,164,56,79,156,23,190,97,163,193,80,151,5,60,119,21,6,17,14,40,116,61,24,149,4,53]",
        "sample(50,40)=[29,22,24,42,39,4,37,13,15,23,0,48,25,17,26,7,40,2,19,3,9,36,16,10,18,49,11,44,46,21,43,28,33,14,38,32,47,6,20,34]",
        "choices(7,10)=[6,6,4,2,6,0,0,3,4,0]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[1,3,2,3,3,2,1,3,2,2]",
        "wchoices1=[1,3,3,1,3,0,3,3,1,3]",
        "wchoices2=[2,0,2,1,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f4009d4ec2f9f9d8d",
        "uniform=f3fc9b9f583f87a80",
        "uniform=f4014000000000000",
        "uniform=f4010411500afeefa",
        "gauss=fbff1905cfcbb8a57",
        "gauss=fbfcaaec9a60d84ad",
        "gauss=fbff0fe5744275c91",
        "gauss=f3ff445483c6d50c6",
        "gauss=fbfcd5904d8df7c67",
        "random=f3fd027b2946d02ea",
        "gauss=f402343aa5ce1e52f",
        "gauss=f401292b72763086f",
        "gauss=f4027115af8348458",
        "normalvariate=f3ff76efa2ab29a08",
        "normalvariate=fbfd2b2acbd24c191",
        "normalvariate=f3fef13596a3cf537",
        "gauss=fc001831234d03603",
        "triangular=f3fdc18dddc013212",
        "triangular=f400e7b7b5f881064",
        "triangular=f4014000000000000",
        "triangular=f400f0b58056c7692",
        "triangular=f40148539f57eacc8",
        "triangular=f3fe2ce95f2b1fadc",
        "expovariate=f3fa7535fdc459ab7",
        "expovariate=fbfecf413e1d0c2ff",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fed8484eb3b7419",
        "vonmises=f3ff1d17339587fb5",
        "vonmises=f400904271f8048af",
        "vonmises=f4013f44e1ba6e652",
        "gamma=f3ffd8fd6babd4d2e",
        "gamma=f3fe917ea4561b416",
        "gamma=f401ff8bcb0dbdb62",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff0ca178eb56069",
        "beta=f3fea0a4c6f82ff95",
        "beta=f3fe73cc2fd350c65",
        "pareto=f4005c14a25c13b6c",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff74ee48c76d01b",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=1",
        "choice5=0",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=223492",
        "randbytes5=bffef260b8e",
        "randbytes9=bbdf5b31b56a203a961",
        "randbytes0=b",
        "random=f3fe7db597c49bb66",
        "random=f3fd1e965a075e2aa",
    ];
    const INT_42: &[&str] = &[
        "random=f3fe4762f307200c5",
        "random=f3f999c6b5eeb2060",
        "random=f3fd19a1491f589dc",
        "random=f3fcc922b623b8c1c",
        "random=f3fe7912c1468f47e",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=114",
        "getrandbits7=69",
        "getrandbits32=373399426",
        "getrandbits32=2536146025",
        "getrandbits33=1812140441",
        "getrandbits33=127978094",
        "getrandbits53=2095622856943755",
        "getrandbits53=5422501460899537",
        "getrandbits64=10353144037217341363",
        "getrandbits64=13208230535885162025",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=1",
        "randbelow10=9",
        "randbelow1000=284",
        "randbelow2147483648=27911967",
        "randbelow4294967297=1815115025",
        "randbelow9007199254740999=2800869626254217",
        "randbelow18446744073709551615=17657464475883588987",
        "randrange(10,None,1)=5",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=4",
        "randrange(-5,5,1)=1",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=7",
        "randrange(100,0,-7)=65",
        "randrange(10,-10,-3)=-8",
        "randrange(-10,10,3)=-4",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-8421852920305158785",
        "randrange(9223372036854775807,-9223372036854775808,-1)=748478905248140335",
        "randrange(9223372036854775806,-9223372036854775808,-5)=6345076713849931621",
        "randrange(0,4611686018427387904,3)=545102646901924665",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=-6",
        "randint(1,6)=6",
        "randint(-100,100)=58",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=5037221801316813454",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[0,7,8,9,2,5,3,4,6,1]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[89,87,82,9,77,81,21,68,93,31]",
        "sample(30,20)=[5,14,12,8,20,22,17,7,21,10,1,24,19,25,27,4,23,3,9,29]",
        "sample(1000,5)=[217,671,511,405,905]",
        "sample(10,10)=[7,2,4,1,6,9,8,3,5,0]",
        "sample(5,0)=[]",
        "sample(85,6)=[46,28,17,65,63,11]",
        "sample(86,6)=[6,14,19,80,20,54]",
        "sample(21,5)=[19,2,12,18,14]",
        "sample(22,5)=[16,8,17,0,21]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[755731,120116,714825,927767,563054,787352,279786,805934,672097,356699,116970,307757,455884,165840,475763,3402,757168,918398,754639,276183,524902,798975,187330,532342,956959,111579,912804,655674,312942,882554,669987,532323,638551,208573,160263,392077,799550,169396,565579,999816,816449,967242,556116,963110,599,628038,339902,512340,20422,117301]",
        "sample(200,100)=[92,78,61,14,197,145,20,21,187,124,17,136,32,191,168,121,140,42,67,135,155,108,54,138,51,79,102,171,166,95,112,132,115,30,63,57,16,86,5,150,141,58,160,56,1,18,15,158,189,8,84,154,131,60,71,190,177,176,33,184,62,183,104,48,24,180,110,90,178,105,119,13,25,7,175,93,43,173,133,128,31,134,118,68,164,151,143,23,35,59,129,9,156,103,70,12,6,83,69,179]",
        "sample(50,40)=[5,48,15,10,26,31,30,13,25,3,46,24,0,38,16,29,18,27,44,4,6,9,34,1,33,23,17,45,39,22,20,41,47,35,49,37,8,19,2,12]",
        "choices(7,10)=[4,4,1,0,6,1,4,4,2,4]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[2,3,1,2,3,0,2,3,3,0]",
        "wchoices1=[1,1,3,3,3,1,1,3,3,3]",
        "wchoices2=[2,2,0,2,1]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401ad29f0adc67b1",
        "uniform=f40009cec244e06f0",
        "uniform=f4014000000000000",
        "uniform=f3ff874ac36d379c0",
        "gauss=fbf8ccd2aeed52dfb",
        "gauss=f3fb54646d662d9d7",
        "gauss=f3fc81cfa15d0d209",
        "gauss=fbff694ca8bcb828d",
        "gauss=fbfbf96f2f5f4b2f2",
        "random=f3fe1a75db2d29a7c",
        "gauss=f402c32bc73426c16",
        "gauss=f40235faa93e392f0",
        "gauss=f40244e5034521bc7",
        "normalvariate=f3ff8662eb985d237",
        "normalvariate=f3ff5ff95c3a0c814",
        "normalvariate=fbfe623e610f62797",
        "gauss=fbfe8866d0a2aae2e",
        "triangular=f3fe5c8782b61ea8f",
        "triangular=f401c2683fef2e960",
        "triangular=f4014000000000000",
        "triangular=f400f8e7e1d30b2a5",
        "triangular=f401620d78690f16a",
        "triangular=f3fab0751a7045c10",
        "expovariate=f3ff028057519de02",
        "expovariate=fbff13e1c129fa710",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ff21569fe7b5b1d",
        "vonmises=f4006c85fec13155e",
        "vonmises=f4000b28cec3e53c6",
        "vonmises=f3fe9c89ea1f8ab24",
        "gamma=f3ffd7bd55cf802c0",
        "gamma=f401294240c131d78",
        "gamma=f3ff4e351c7dbb4ce",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff22ea8a025f1ca",
        "beta=f3fe63f4abc8e9627",
        "beta=f3fe29a9ce43ed17f",
        "pareto=f4001c9b6eaf9f983",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3feb75de8a04d302",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=3",
        "choice5=4",
        "choice5=2",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=984861",
        "randbytes5=b30d410071d",
        "randbytes9=bdb9685e0a22c6cf842",
        "randbytes0=b",
        "random=f3fc6db4f694a1874",
        "random=f3feecd14c3ef27e1",
    ];
    const INT_12345: &[&str] = &[
        "random=f3fdaa9e665dc8a18",
        "random=f3f84d392d1f6f840",
        "random=f3fea68177b361de3",
        "random=f3fd31cea56d752c4",
        "random=f3fd7940e9f744b88",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=0",
        "getrandbits7=72",
        "getrandbits7=55",
        "getrandbits32=694443915",
        "getrandbits32=1602297017",
        "getrandbits33=4828689492",
        "getrandbits33=1859447115",
        "getrandbits53=5649447776444452",
        "getrandbits53=5510327825450889",
        "getrandbits64=3446018582270436793",
        "getrandbits64=13616437186283622689",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=2",
        "randbelow10=8",
        "randbelow1000=170",
        "randbelow2147483648=636282949",
        "randbelow4294967297=334328971",
        "randbelow9007199254740999=6153008103177440",
        "randbelow18446744073709551615=433889838281859804",
        "randrange(10,None,1)=7",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=3",
        "randrange(-5,5,1)=3",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=77",
        "randrange(100,0,-7)=23",
        "randrange(10,-10,-3)=1",
        "randrange(-10,10,3)=-10",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=3023421667754080360",
        "randrange(9223372036854775807,-9223372036854775808,-1)=6201665796516964961",
        "randrange(9223372036854775806,-9223372036854775808,-5)=-4153036325801099069",
        "randrange(0,4611686018427387904,3)=1982390720968786815",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=6",
        "randint(1,6)=6",
        "randint(-100,100)=47",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-2305799128664201492",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775807",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[9,2,5,4,7,8,6,1,3,0]",
        "shuffle3=[1,0,2]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[5,21,38,1,19,29,44,69,43,20]",
        "sample(30,20)=[12,10,0,1,26,22,14,2,29,5,27,11,6,16,3,7,9,19,21,28]",
        "sample(1000,5)=[503,333,790,624,989]",
        "sample(10,10)=[6,8,3,2,5,0,1,4,7,9]",
        "sample(5,0)=[]",
        "sample(85,6)=[42,29,26,20,81,36]",
        "sample(86,6)=[19,68,11,66,0,18]",
        "sample(21,5)=[0,15,5,3,8]",
        "sample(22,5)=[16,12,2,14,13]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[190775,255084,963572,921146,193274,28600,391028,346518,184508,413951,186491,186629,599411,712963,863477,543441,936724,261033,433324,538135,725492,437814,340749,125981,70994,675009,482872,779684,204539,658656,651493,598983,211696,785540,141584,556754,937386,244570,346332,595448,306504,131450,564405,535118,727063,808853,703591,934788,837176,62078]",
        "sample(200,100)=[66,198,109,11,93,132,137,146,27,161,17,39,95,181,162,9,70,113,175,94,102,78,114,156,67,79,126,122,12,186,177,7,56,88,34,0,160,21,168,28,154,48,101,125,46,69,89,53,76,80,99,19,77,180,10,107,158,41,20,36,178,59,85,108,51,3,38,29,131,8,87,100,81,110,5,30,171,62,148,74,26,33,72,68,45,141,192,140,4,197,196,123,170,119,183,64,84,52,144,1]",
        "sample(50,40)=[49,33,9,37,34,20,46,10,29,26,28,1,23,38,24,22,36,44,30,14,48,42,39,12,25,47,4,40,18,19,41,21,3,15,17,32,35,2,0,11]",
        "choices(7,10)=[2,1,0,3,0,1,1,5,1,4]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[2,3,3,1,3,3,0,1,3,3]",
        "wchoices1=[3,0,1,1,3,1,1,3,3,3]",
        "wchoices2=[2,2,2,1,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f400db3edef41fde5",
        "uniform=f3fdb00392a476750",
        "uniform=f4014000000000000",
        "uniform=fc017d6a919c291d2",
        "gauss=fbfea90d2832b1295",
        "gauss=fbfebf9c5f82f5c72",
        "gauss=fbfa4b07340641c9e",
        "gauss=fbfcb9649fddf6f87",
        "gauss=f3fffd0480088b0fe",
        "random=f3fe633c12686576a",
        "gauss=f40200c7f4b652a35",
        "gauss=f4026190f6847b4de",
        "gauss=f402aaff797bdeaa2",
        "normalvariate=fbff58130ecffa7f0",
        "normalvariate=fbff1ce5f30fddd45",
        "normalvariate=fbfde2fee996d238b",
        "gauss=f3fca7fd79bdeece4",
        "triangular=f3fe0fc58b84fe2c7",
        "triangular=f3ff8bb8182195d4b",
        "triangular=f4014000000000000",
        "triangular=f401835900069bc6f",
        "triangular=f40009a66e642258a",
        "triangular=f3fc71a0411b73184",
        "expovariate=f3fb77460790d3ab3",
        "expovariate=fbfde16ab13f02712",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fe95bfceedcf633",
        "vonmises=f3fe4c4c44f24194c",
        "vonmises=f40103f3ae9483b03",
        "vonmises=f4018c54eca4a3568",
        "gamma=f401e33f2b48bc1c0",
        "gamma=f40027d7d3fa50af1",
        "gamma=f4014d236139b18d3",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff1006c45c92681",
        "beta=f3fc2de6bc5dc3d17",
        "beta=f3febfa4a6a8922ce",
        "pareto=f3ff3873bd7307dfc",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff0dde6115168da",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=3",
        "choice5=1",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=7649",
        "randbytes5=bea5e48c075",
        "randbytes9=bc652d02751347fa003",
        "randbytes0=b",
        "random=f3fd6c7eed947ef92",
        "random=f3feaee187ab73983",
    ];
    const INT_1099511627776: &[&str] = &[
        "random=f3fba881d8b4d9a60",
        "random=f3fe5753194433daf",
        "random=f3fdb4e4e38637f14",
        "random=f3fd8d094bb31722e",
        "random=f3fe40c2cde3de5bb",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=1",
        "getrandbits7=86",
        "getrandbits7=50",
        "getrandbits32=2955560225",
        "getrandbits32=2360875186",
        "getrandbits33=1373156831",
        "getrandbits33=7524613039",
        "getrandbits53=389571887642777",
        "getrandbits53=3673506952049481",
        "getrandbits64=6753464710713757052",
        "getrandbits64=13694728520237358991",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=0",
        "randbelow10=0",
        "randbelow1000=600",
        "randbelow2147483648=1711252206",
        "randbelow4294967297=1790497972",
        "randbelow9007199254740999=3567127206887199",
        "randbelow18446744073709551615=7296923419602516873",
        "randrange(10,None,1)=8",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=4",
        "randrange(-5,5,1)=-2",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=7",
        "randrange(100,0,-7)=51",
        "randrange(10,-10,-3)=4",
        "randrange(-10,10,3)=-1",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-415891657569348539",
        "randrange(9223372036854775807,-9223372036854775808,-1)=4019081454364352755",
        "randrange(9223372036854775806,-9223372036854775808,-5)=970546509639540551",
        "randrange(0,4611686018427387904,3)=3437014802565457947",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-1",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=2",
        "randint(1,6)=3",
        "randint(-100,100)=-4",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-7637194167148578007",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[5,9,7,6,8,1,4,2,0,3]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[6,24,76,46,37,86,51,53,95,19]",
        "sample(30,20)=[8,4,3,2,20,14,9,28,5,1,7,26,17,12,0,16,25,15,29,22]",
        "sample(1000,5)=[997,445,506,796,346]",
        "sample(10,10)=[1,3,4,9,6,7,2,5,8,0]",
        "sample(5,0)=[]",
        "sample(85,6)=[33,1,39,69,63,30]",
        "sample(86,6)=[40,13,78,27,58,19]",
        "sample(21,5)=[20,3,13,16,0]",
        "sample(22,5)=[1,5,20,11,0]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[912778,591176,410599,316602,238533,616264,435351,300739,38108,453707,560164,869677,828885,371668,949039,281845,772093,151704,679340,995488,792766,887414,477573,605046,347155,692108,342270,978776,72967,612861,433268,297003,522062,243731,844433,98653,972366,508781,184916,650066,146527,194684,715092,717153,927060,392232,660555,550383,600559,366068]",
        "sample(200,100)=[61,71,69,81,156,148,86,122,98,56,176,187,68,14,73,28,136,15,175,18,3,10,101,79,166,145,91,184,93,77,181,43,115,168,87,89,190,80,127,113,44,4,135,119,139,0,88,6,82,128,67,21,60,23,124,173,8,55,59,126,26,33,133,130,125,140,40,153,36,16,180,178,65,174,194,38,39,137,70,132,183,108,160,193,51,131,167,58,37,49,117,197,170,165,5,54,121,144,66,147]",
        "sample(50,40)=[29,19,47,26,3,44,28,4,16,39,5,2,33,21,22,31,42,36,23,45,14,0,35,8,12,15,37,48,32,43,20,25,7,41,9,38,27,18,11,46]",
        "choices(7,10)=[4,5,6,1,2,1,3,2,3,3]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[2,0,3,0,3,3,3,1,2,1]",
        "wchoices1=[0,3,3,3,0,0,3,3,3,0]",
        "wchoices2=[2,1,2,2,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f400b118a68abcc3a",
        "uniform=f3fee2294d212be84",
        "uniform=f4014000000000000",
        "uniform=f3fe2d66a131feaa0",
        "gauss=fbfd5fd127e4c7c0d",
        "gauss=fbff2be102e6e5fc0",
        "gauss=f3fe227cb14f2c365",
        "gauss=fbfcd07c69c47fbcb",
        "gauss=f3fdf3db3a03ccb44",
        "random=f3fb0e26e75386900",
        "gauss=f4028cb4137c5689c",
        "gauss=f4025de71332d4a66",
        "gauss=f40250c96410cf4c8",
        "normalvariate=f3ffc35a701b2fa22",
        "normalvariate=fbfe2fb417810b0a9",
        "normalvariate=f4001fdf74662f443",
        "gauss=f3fdf1e17c6b8ef74",
        "triangular=f3fe7bf74b645e4ea",
        "triangular=f40041f097c62a420",
        "triangular=f4014000000000000",
        "triangular=f40186a287022c4da",
        "triangular=f3feb3ece3ecc49ab",
        "triangular=f3fdba7336cd21730",
        "expovariate=f4006b170fcf88eb8",
        "expovariate=fbfeb97e71c30bcb7",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3feb5582cb0252d1",
        "vonmises=f4018fafef95fefd9",
        "vonmises=f4005b0b285186d9d",
        "vonmises=f400a063a56233c2e",
        "gamma=f3fd62ab86493be10",
        "gamma=f400aec52ae4682fc",
        "gamma=f3fde68b86dc56282",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3feff863d02ecd6c",
        "beta=f3fe5fab1bf9b4a90",
        "beta=f3f02f3a3569978d9",
        "pareto=f3ffa87c84ee795cc",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff48fb28339967c",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=2",
        "choice5=1",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=587029",
        "randbytes5=b436da67c12",
        "randbytes9=b2fe8e5a829da4980f9",
        "randbytes0=b",
        "random=f3fa6fe8aeec3d030",
        "random=f3fd4f0d50e1dc7a4",
    ];
    const INT_M7: &[&str] = &[
        "random=f3fd4b9ad0f953a6e",
        "random=f3fc34f0696513270",
        "random=f3fe4d474883171ff",
        "random=f3fb28b2f3a47e100",
        "random=f3fe125f2046063a0",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=1",
        "getrandbits7=7",
        "getrandbits7=116",
        "getrandbits32=2179419893",
        "getrandbits32=922121676",
        "getrandbits33=161042648",
        "getrandbits33=1862494042",
        "getrandbits53=2167696064121743",
        "getrandbits53=4963389150918617",
        "getrandbits64=1090396360377453094",
        "getrandbits64=10430779633273967791",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=2",
        "randbelow10=9",
        "randbelow1000=970",
        "randbelow2147483648=265695473",
        "randbelow4294967297=1703729684",
        "randbelow9007199254740999=3982658647087820",
        "randbelow18446744073709551615=10268654918125279152",
        "randrange(10,None,1)=2",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=9",
        "randrange(-5,5,1)=-3",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=56",
        "randrange(100,0,-7)=93",
        "randrange(10,-10,-3)=-2",
        "randrange(-10,10,3)=-4",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=1505257330405661666",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-2562501216369800042",
        "randrange(9223372036854775806,-9223372036854775808,-5)=636469344133868581",
        "randrange(0,4611686018427387904,3)=3789038218713997686",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=-2",
        "randint(1,6)=1",
        "randint(-100,100)=58",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=5113968323678613630",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[7,8,2,0,9,1,6,3,4,5]",
        "shuffle3=[0,1,2]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[43,93,57,36,77,9,15,65,53,21]",
        "sample(30,20)=[24,10,4,15,13,1,21,2,17,18,28,19,11,26,14,29,25,16,27,7]",
        "sample(1000,5)=[713,680,66,62,748]",
        "sample(10,10)=[4,7,9,5,3,2,0,1,8,6]",
        "sample(5,0)=[]",
        "sample(85,6)=[78,14,63,7,27,36]",
        "sample(86,6)=[16,31,50,63,10,21]",
        "sample(21,5)=[14,12,17,8,4]",
        "sample(22,5)=[13,17,8,11,21]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[927143,398921,241960,158252,87015,184777,158647,243224,690504,244670,12649,508520,871464,617740,191200,275509,295625,4292,152752,439297,560559,387190,639434,593851,334088,999395,131587,724035,900938,540531,996382,647592,686782,709047,775720,56615,478825,943228,913288,817857,998125,916993,713634,836630,586438,411439,417406,418359,413264,108566]",
        "sample(200,100)=[123,162,102,15,48,17,53,112,41,28,87,153,13,26,0,145,38,137,25,93,157,6,18,193,179,96,183,198,64,88,154,180,121,31,29,124,119,122,199,79,21,36,186,189,67,172,191,132,5,52,135,92,37,139,178,149,76,23,66,152,168,42,91,57,128,84,136,49,61,197,58,51,126,45,146,3,164,101,35,60,33,24,170,77,44,133,103,148,115,46,10,190,187,165,120,181,43,175,131,160]",
        "sample(50,40)=[39,0,30,41,22,46,5,42,7,24,12,47,11,27,21,43,25,29,33,23,2,38,34,36,4,48,31,18,14,20,28,15,37,19,16,40,35,49,17,10]",
        "choices(7,10)=[0,5,0,6,1,6,0,1,3,5]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[3,3,3,2,3,3,1,1,2,3]",
        "wchoices1=[3,3,3,1,1,3,0,0,3,3]",
        "wchoices2=[2,2,2,0,1]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f4011ada49834f1e0",
        "uniform=fbff8399c6f9c00b1",
        "uniform=f4014000000000000",
        "uniform=fc01e14006d6bfb78",
        "gauss=f4000466f95383f9a",
        "gauss=fbfefbc5730685cbf",
        "gauss=f3fe0d36fa939e4f1",
        "gauss=fbfdadf2fb0440c58",
        "gauss=fbfef6f00ada2d812",
        "random=f3fd91c7f7b897534",
        "gauss=f4025ae3c6dd959fa",
        "gauss=f4020ff10b12d5390",
        "gauss=f402ad34fce9c2c8e",
        "normalvariate=fbfc3fca92c1f8f96",
        "normalvariate=fbfd8ac126a5ea2bd",
        "normalvariate=f3fd8d9c8295dc408",
        "gauss=fbf85bac51ee28f5a",
        "triangular=f3fdef348e132f219",
        "triangular=f4018053f6cbfd15f",
        "triangular=f4014000000000000",
        "triangular=f401a3e4a69860f0e",
        "triangular=f4019909054e20660",
        "triangular=f3fdb1d419dbd77ae",
        "expovariate=f3fc59bef7f5f1ec5",
        "expovariate=fbfe39abbac7cb3da",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3febbf811a2bfffc",
        "vonmises=f3fe610a922195f1b",
        "vonmises=f4000fd1c3a573ccc",
        "vonmises=f400a09619d23b1d9",
        "gamma=f3fe804c723e0061e",
        "gamma=f40236e3bedccca08",
        "gamma=f3ff56644f16f8b0f",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fed5b2a53ad8ef3",
        "beta=f3fb78c769b3d2c14",
        "beta=f3fd5636677e22a81",
        "pareto=f3ff5c3905f7cb88b",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff3d3833e94faec",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=0",
        "choice5=1",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=445977",
        "randbytes5=b606931e512",
        "randbytes9=b532ad844c6af37f004",
        "randbytes0=b",
        "random=f3fe44d54145ab106",
        "random=f3fe9a6f1010ace1d",
    ];
    const INT_9223372036854775807: &[&str] = &[
        "random=f3fd443e8e5409ca6",
        "random=f3fe43346b887de9d",
        "random=f3fe9b6b765f6b847",
        "random=f3fdd058d20dfba84",
        "random=f3fde83c5ee300a8a",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=95",
        "getrandbits7=75",
        "getrandbits32=1183546344",
        "getrandbits32=713180873",
        "getrandbits33=3038577698",
        "getrandbits33=6948510415",
        "getrandbits53=7368858614241261",
        "getrandbits53=5667598223535595",
        "getrandbits64=2028597320266867748",
        "getrandbits64=14364908005923839519",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=2",
        "randbelow10=6",
        "randbelow1000=172",
        "randbelow2147483648=1760093664",
        "randbelow4294967297=1732870120",
        "randbelow9007199254740999=7091973395639289",
        "randbelow18446744073709551615=15435040495250640953",
        "randrange(10,None,1)=1",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=8",
        "randrange(-5,5,1)=3",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=56",
        "randrange(100,0,-7)=44",
        "randrange(10,-10,-3)=-8",
        "randrange(-10,10,3)=-7",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=2496478277529919500",
        "randrange(9223372036854775807,-9223372036854775808,-1)=1074597518391177431",
        "randrange(9223372036854775806,-9223372036854775808,-5)=-7884898405702763134",
        "randrange(0,4611686018427387904,3)=3379865849282361663",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=2",
        "randint(1,6)=3",
        "randint(-100,100)=18",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-8343175803647201632",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[5,8,7,1,9,2,4,6,0,3]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[91,16,46,52,49,92,24,31,86,36]",
        "sample(30,20)=[22,5,9,6,12,3,16,28,18,15,27,23,19,24,13,14,0,1,17,4]",
        "sample(1000,5)=[970,687,460,372,71]",
        "sample(10,10)=[8,6,7,4,3,1,2,9,5,0]",
        "sample(5,0)=[]",
        "sample(85,6)=[70,18,44,47,34,60]",
        "sample(86,6)=[3,37,61,2,0,63]",
        "sample(21,5)=[1,0,13,20,10]",
        "sample(22,5)=[4,9,15,11,19]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[279136,279064,516934,712622,623465,495234,720521,418736,993855,163781,324376,642625,198990,855971,853176,812516,807065,581603,998418,814130,954836,523014,766501,822318,261873,466147,773233,571767,638756,868586,930459,676682,915313,563905,317346,229082,274747,431468,132517,497319,531839,317197,122167,470915,976313,377297,600220,805269,953149,888299]",
        "sample(200,100)=[132,152,51,108,59,146,2,26,48,135,3,131,126,27,8,47,150,84,156,78,192,172,66,191,36,182,1,35,117,99,105,64,95,42,160,170,112,49,31,124,118,83,46,25,61,65,82,6,185,115,71,10,93,73,129,138,50,12,69,76,4,33,13,87,89,179,113,104,140,16,187,19,188,88,55,167,173,165,5,177,143,75,159,85,154,178,7,54,148,149,20,175,145,40,102,107,18,103,58,74]",
        "sample(50,40)=[47,7,48,15,41,44,9,18,37,11,13,16,4,43,12,20,27,2,8,26,39,28,21,46,24,5,14,3,35,25,38,6,33,32,31,10,19,36,49,42]",
        "choices(7,10)=[6,1,6,5,4,4,5,4,5,2]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[1]",
        "wchoices0=[1,2,1,2,1,2,2,2,3,3]",
        "wchoices1=[3,3,1,0,0,3,3,3,3,3]",
        "wchoices2=[1,0,2,2,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401cc0e5cbf55717",
        "uniform=f4005ae6fb004f640",
        "uniform=f4014000000000000",
        "uniform=fc021f469a7fc85c6",
        "gauss=fbfda346777b61da7",
        "gauss=fbffb1650288ebc81",
        "gauss=fbfe519775935609b",
        "gauss=f3fd0dff8ca9ae0ec",
        "gauss=fbff603176dea3507",
        "random=f3fe0221ebe2a4677",
        "gauss=f4021c764716d9163",
        "gauss=f4027146aee47653c",
        "gauss=f4023c5306b53b98d",
        "normalvariate=f3feaf3e202393266",
        "normalvariate=f3fe3eb69a8143de1",
        "normalvariate=fbfe4bab09d552bbf",
        "gauss=f3fcedf28f744b438",
        "triangular=f3fc25d077aaeca84",
        "triangular=f40175c7cd5867628",
        "triangular=f4014000000000000",
        "triangular=f4018b446b6b34d23",
        "triangular=f40123e88b4d48534",
        "triangular=f3fc4bd989d7a6cf0",
        "expovariate=f3fb8af60f41d7bc3",
        "expovariate=fbfbd56d14a64bdc4",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ff30b23d74a0dca",
        "vonmises=f4018aa338ec508c0",
        "vonmises=f4013dea48a1ccd38",
        "vonmises=f4001c7c1a4249b10",
        "gamma=f3ff84d3a5e01db7b",
        "gamma=f3ff3fa2c259a0e42",
        "gamma=f40023a928a5c5b6f",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff090f5c42b4f9e",
        "beta=f3fdb060154772ed2",
        "beta=f3fe55e954ed040c4",
        "pareto=f3ff26d19d4e08df0",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f4000e3c880653e23",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=3",
        "choice5=3",
        "choice5=3",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=711282",
        "randbytes5=beccbd64f00",
        "randbytes9=bd50d54d7bce64450f8",
        "randbytes0=b",
        "random=f3fe64e1cff734a15",
        "random=f3fcf4ca5ee221648",
    ];
    const INT_M9223372036854775808: &[&str] = &[
        "random=f3fe1b5fa2193586f",
        "random=f3fee198384d65bb9",
        "random=f3fcef9ab7f81e664",
        "random=f3feb3dbe4202321d",
        "random=f3fb5b28d2b6d4850",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=0",
        "getrandbits7=64",
        "getrandbits7=39",
        "getrandbits32=1968830774",
        "getrandbits32=2796874374",
        "getrandbits33=7170101844",
        "getrandbits33=817114749",
        "getrandbits53=6035266682668917",
        "getrandbits53=7337050084052518",
        "getrandbits64=17874612491065845091",
        "getrandbits64=14954345759244272438",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=1",
        "randbelow10=9",
        "randbelow1000=679",
        "randbelow2147483648=1728938822",
        "randbelow4294967297=1567563255",
        "randbelow9007199254740999=2029667078537453",
        "randbelow18446744073709551615=17419502825022500132",
        "randrange(10,None,1)=5",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=3",
        "randrange(-5,5,1)=-1",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=56",
        "randrange(100,0,-7)=79",
        "randrange(10,-10,-3)=4",
        "randrange(-10,10,3)=8",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=2525813727079200972",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-1592880936627177691",
        "randrange(9223372036854775806,-9223372036854775808,-5)=180503156440757936",
        "randrange(0,4611686018427387904,3)=1343512641637306731",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=3",
        "randint(1,6)=6",
        "randint(-100,100)=0",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-1372080456492568589",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775807",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[4,0,7,2,5,8,1,6,9,3]",
        "shuffle3=[1,2,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[37,27,74,47,11,93,95,92,32,40]",
        "sample(30,20)=[4,22,3,15,16,2,18,27,28,10,7,24,17,23,11,21,9,12,25,29]",
        "sample(1000,5)=[398,402,470,911,787]",
        "sample(10,10)=[6,0,8,3,1,4,5,2,7,9]",
        "sample(5,0)=[]",
        "sample(85,6)=[30,11,14,72,49,21]",
        "sample(86,6)=[47,82,10,13,54,28]",
        "sample(21,5)=[12,0,2,8,15]",
        "sample(22,5)=[3,7,15,12,8]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[963328,83159,505475,46962,276870,834958,834350,664097,983616,895948,876444,475281,397933,725662,135330,608675,321295,66062,543757,908972,648384,447399,290320,497035,813804,771735,491016,184352,975791,31712,225811,792622,245409,795396,760881,80952,803978,833105,558151,211435,780798,148517,616641,329952,929615,454943,443498,739547,839382,439332]",
        "sample(200,100)=[195,58,168,116,115,10,60,8,19,59,169,28,69,0,121,98,65,3,46,163,180,83,66,129,106,176,171,187,64,62,14,88,128,74,194,170,127,93,183,90,162,146,87,173,61,145,158,104,91,178,73,160,45,85,7,109,29,124,81,34,133,134,82,39,155,80,157,161,16,2,108,17,119,175,23,149,44,37,71,21,139,120,110,135,123,143,12,67,172,185,100,47,52,15,77,190,153,131,76,94]",
        "sample(50,40)=[6,7,30,32,39,4,22,5,18,21,24,20,43,10,33,27,29,14,26,9,40,31,46,25,36,41,23,28,49,38,42,11,0,34,3,8,45,44,13,12]",
        "choices(7,10)=[6,0,0,2,2,5,3,5,4,4]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[1]",
        "wchoices0=[3,1,3,2,2,1,2,0,1,0]",
        "wchoices1=[3,3,3,1,1,3,3,3,1,3]",
        "wchoices2=[1,2,2,2,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401b1dcbe4b1b3a2",
        "uniform=f3fe089771ceff250",
        "uniform=f4014000000000000",
        "uniform=f401dc07062641c01",
        "gauss=f3fe560abe9c366ba",
        "gauss=f3fe61fdfccf912c3",
        "gauss=fbff5fb6d9b6845c6",
        "gauss=fbfd778506b68d4af",
        "gauss=f3ffa1b09339ad62d",
        "random=f3fe78b5ad74b8533",
        "gauss=f402a68be5a3d0a36",
        "gauss=f4026446ed4b41d29",
        "gauss=f40259ecff16faf02",
        "normalvariate=fbfe12a2c118b6a00",
        "normalvariate=f3fe674b393001836",
        "normalvariate=fbff17ae67b781380",
        "gauss=f3fbc9dd00fbaa2a9",
        "triangular=f3fd0bdbd8c4ca3b6",
        "triangular=f40051566b27b9f64",
        "triangular=f4014000000000000",
        "triangular=f40070927399ffe9f",
        "triangular=f400af5e2e8f4e06a",
        "triangular=f3fe50bfacf70a424",
        "expovariate=f3fd4b402448639a2",
        "expovariate=fbfead1dd47f22fc1",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ff654af2bcfa277",
        "vonmises=f3ff0fd11469034e3",
        "vonmises=f3ffe014da4383a99",
        "vonmises=f40107a9a0c522d8a",
        "gamma=f3fc123579aad008b",
        "gamma=f40105760618eec72",
        "gamma=f401156d79bf03f46",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff023e75fe5baa6",
        "beta=f3fe3885375260b1d",
        "beta=f3feaa7811bba7d75",
        "pareto=f3ff0751a6845b812",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff206c89cf3e921",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=3",
        "choice5=1",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=847573",
        "randbytes5=b1cf7e24370",
        "randbytes9=b5e25d3a76079c8f5bb",
        "randbytes0=b",
        "random=f3fea5d6aed79a4a8",
        "random=f3fd8da1e2158553a",
    ];
    const BIG_2_100_PLUS_12345: &[&str] = &[
        "random=f3fdc78cd1084ede2",
        "random=f3fd355ec9cc53848",
        "random=f3fe637e63f0d4fa5",
        "random=f3f5fec6f91264000",
        "random=f3fc3e90267566ebc",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=1",
        "getrandbits7=111",
        "getrandbits32=1116834102",
        "getrandbits32=4106324423",
        "getrandbits33=8169409800",
        "getrandbits33=4369265465",
        "getrandbits53=6645194446127942",
        "getrandbits53=7440479136271967",
        "getrandbits64=17727506999121509775",
        "getrandbits64=18103738589907553250",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=1",
        "randbelow10=1",
        "randbelow1000=331",
        "randbelow2147483648=1487180591",
        "randbelow4294967297=492891517",
        "randbelow9007199254740999=6704228610147185",
        "randbelow18446744073709551615=14435840322114639018",
        "randrange(10,None,1)=1",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=12",
        "randrange(-5,5,1)=3",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=14",
        "randrange(100,0,-7)=51",
        "randrange(10,-10,-3)=1",
        "randrange(-10,10,3)=5",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-5258069912098411501",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-4813085455014110043",
        "randrange(9223372036854775806,-9223372036854775808,-5)=-7521954478750196004",
        "randrange(0,4611686018427387904,3)=2507750783955637395",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=-5",
        "randint(1,6)=6",
        "randint(-100,100)=-52",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-2167280105193854342",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775807",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[5,8,7,6,1,3,0,9,2,4]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[31,29,37,60,81,18,63,67,92,88]",
        "sample(30,20)=[2,11,29,12,26,23,10,25,5,4,19,15,1,22,13,16,17,14,18,0]",
        "sample(1000,5)=[634,438,290,451,66]",
        "sample(10,10)=[0,9,6,4,1,7,2,3,8,5]",
        "sample(5,0)=[]",
        "sample(85,6)=[21,58,82,56,19,7]",
        "sample(86,6)=[57,63,50,62,39,6]",
        "sample(21,5)=[5,14,3,20,13]",
        "sample(22,5)=[18,20,19,14,12]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[507705,817269,287372,276987,650944,104783,532674,278765,33604,989369,857939,766686,793178,589403,444594,750134,334664,589318,700323,162766,862861,444749,455668,466733,151832,962797,319593,737321,603829,864900,288552,680236,240309,734424,966896,332615,879205,151000,827124,900371,763291,575461,35343,801564,831195,402731,265715,424626,669334,698558]",
        "sample(200,100)=[159,15,77,107,53,160,191,2,72,25,149,194,97,166,184,171,75,169,99,52,167,84,121,49,40,117,181,16,118,165,24,39,186,148,12,3,152,119,138,29,173,76,69,120,23,142,21,56,68,154,143,70,98,32,185,94,54,170,153,111,102,112,71,103,114,95,134,123,36,20,116,131,55,196,177,86,42,179,65,195,132,10,172,150,147,128,63,115,8,46,83,189,136,130,81,45,89,0,151,155]",
        "sample(50,40)=[2,45,8,13,11,0,42,9,23,47,15,10,33,32,3,39,16,41,26,6,38,37,4,21,28,49,35,36,14,1,46,40,12,27,7,30,29,20,5,19]",
        "choices(7,10)=[4,2,2,1,4,5,0,4,3,3]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[0,1,2,2,1,3,3,3,1,2]",
        "wchoices1=[1,3,3,3,3,3,1,1,0,3]",
        "wchoices2=[2,2,0,2,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f40040c02cb6eaebf",
        "uniform=fc00196b5c3044838",
        "uniform=f4014000000000000",
        "uniform=fbffe72f2c88170f8",
        "gauss=f3fe183efc0170f89",
        "gauss=fbfb594b8d3871f74",
        "gauss=fbfd14c33163704eb",
        "gauss=f3ffc5740898b8e51",
        "gauss=f3fe60a8c9ba828b4",
        "random=f3feb88c29c23ea05",
        "gauss=f40209ad5863a24ee",
        "gauss=f4024225934ec322b",
        "gauss=f402dc91adcb17b2c",
        "normalvariate=fbffb4b9c3c57dbdd",
        "normalvariate=f3fcf514333407c8d",
        "normalvariate=fbfed113b9f5e2b98",
        "gauss=f3fb5af642aeb20ea",
        "triangular=f3fdd584cc27f0afd",
        "triangular=f40102542a1b7f4e0",
        "triangular=f4014000000000000",
        "triangular=f401576bf47c3052a",
        "triangular=f40117f0ffa2399ca",
        "triangular=f3fe04c1c4e538f31",
        "expovariate=f3fe182922b92006c",
        "expovariate=fbf84158ecde8c226",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f400afa42bcab3e22",
        "vonmises=f3ff63f6eb2b385b5",
        "vonmises=f3fefa9c3932d8559",
        "vonmises=f401393693e3438cf",
        "gamma=f3fd176566d77cb24",
        "gamma=f3fe1554fa7f7d437",
        "gamma=f400e65890c6a18e4",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fef86fd8d284756",
        "beta=f3fe1ef399e099f74",
        "beta=f3fef25773b19f29a",
        "pareto=f3ff208a23e0c27f0",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff0d6f8430ac5b2",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=0",
        "choice5=0",
        "choice5=3",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=586084",
        "randbytes5=be8c1918f98",
        "randbytes9=b1b1303260d8661dfb9",
        "randbytes0=b",
        "random=f3fe798376bc78664",
        "random=f3fb4dd9f6fac75a0",
    ];
    const STR_INTERLEAVE: &[&str] = &[
        "random=f3fc42ffc88cc2944",
        "random=f3fd4491c0e3d466c",
        "random=f3fe275e5545eed51",
        "random=f3fde7ab9ed74bcfe",
        "random=f3febcd0581729600",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=0",
        "getrandbits7=44",
        "getrandbits7=39",
        "getrandbits32=2159286158",
        "getrandbits32=3346947168",
        "getrandbits33=4612859740",
        "getrandbits33=2470494665",
        "getrandbits53=4104065399291695",
        "getrandbits53=8532783748544586",
        "getrandbits64=8479932433016851873",
        "getrandbits64=17030022019739689588",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=1",
        "randbelow10=4",
        "randbelow1000=128",
        "randbelow2147483648=877786676",
        "randbelow4294967297=3837668805",
        "randbelow9007199254740999=4759410089890456",
        "randbelow18446744073709551615=4884852597435825239",
        "randrange(10,None,1)=4",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=14",
        "randrange(-5,5,1)=-1",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=77",
        "randrange(100,0,-7)=65",
        "randrange(10,-10,-3)=-2",
        "randrange(-10,10,3)=-7",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-8390722833375861554",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-8090112002557311896",
        "randrange(9223372036854775806,-9223372036854775808,-5)=3968342007853489646",
        "randrange(0,4611686018427387904,3)=4413452066101645635",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-1",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=7",
        "randint(1,6)=1",
        "randint(-100,100)=-38",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-5713082732894699810",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[5,4,8,6,1,2,7,9,0,3]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[55,17,47,76,45,82,25,46,80,26]",
        "sample(30,20)=[11,21,9,7,18,24,12,20,19,10,23,5,1,25,27,6,3,8,17,28]",
        "sample(1000,5)=[661,717,452,912,859]",
        "sample(10,10)=[8,6,0,5,9,1,4,3,2,7]",
        "sample(5,0)=[]",
        "sample(85,6)=[68,33,62,69,39,55]",
        "sample(86,6)=[34,42,73,20,74,45]",
        "sample(21,5)=[13,4,0,2,14]",
        "sample(22,5)=[1,19,9,14,0]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[587430,599524,206982,169197,180912,356576,539841,932042,654138,964246,292680,536675,718098,335033,373489,683019,135120,680351,49251,849166,984480,184922,993883,581844,349243,462333,552908,824288,441773,422272,716464,576939,39875,272941,254660,629513,236706,900321,431839,727482,886294,101766,438760,12818,31681,981047,851519,942461,279014,749619]",
        "sample(200,100)=[89,125,85,0,13,14,182,130,169,9,4,74,55,183,155,1,117,127,161,176,63,79,50,107,157,141,38,164,175,61,135,170,197,195,140,37,168,5,15,40,33,90,166,48,118,62,187,29,179,26,114,80,30,100,185,108,43,139,76,75,31,70,17,77,138,111,152,149,105,193,65,172,199,191,124,148,143,160,181,154,24,126,180,39,16,144,52,57,134,36,194,163,151,20,102,60,101,110,121,177]",
        "sample(50,40)=[3,48,6,39,34,17,30,4,12,20,44,14,0,13,19,22,27,26,16,5,11,24,46,43,10,1,37,7,31,2,42,8,29,21,23,35,45,40,28,32]",
        "choices(7,10)=[4,3,6,3,3,2,4,0,6,4]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[2,3,1,3,0,3,3,3,3,2]",
        "wchoices1=[3,3,1,3,1,3,3,1,3,3]",
        "wchoices2=[1,2,1,2,1]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401cc3904c2de3a5",
        "uniform=f3fffa937773843d0",
        "uniform=f4014000000000000",
        "uniform=f401e591e5b4a071a",
        "gauss=f3ff51e0690aef752",
        "gauss=f3fc4c16c6d3c3e7b",
        "gauss=f3fd25f333e666c32",
        "gauss=fbfa1c0460ff23bde",
        "gauss=fbff6b79b09055f5a",
        "random=f3fdc35a9e2b2e142",
        "gauss=f402a9438c8a7d58b",
        "gauss=f402eeb8e78a4bd25",
        "gauss=f40231393b90e0c5d",
        "normalvariate=fbfcb0094f823e7a3",
        "normalvariate=f3fca59faf0cb8791",
        "normalvariate=fbfe1f087159c1326",
        "gauss=f3fb0d9534fbd5c96",
        "triangular=f3fe42852f016d1d1",
        "triangular=f40075530b624c0e8",
        "triangular=f4014000000000000",
        "triangular=f40137cb240055a72",
        "triangular=f401f2cc3b5b2f4af",
        "triangular=f3fae8f47febc14c0",
        "expovariate=f3fd995356249c177",
        "expovariate=fbfe6a9aa9322ab39",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fefbc648cc3d319",
        "vonmises=f3fe7eb985cb86c36",
        "vonmises=f400a6b9fd8a5cf84",
        "vonmises=f40132357fe5a14ae",
        "gamma=f3fe3026a940cb28f",
        "gamma=f4009b7e8333f89bf",
        "gamma=f400cb29f1f842a99",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fedeeff6851822a",
        "beta=f3fde3854e9450ada",
        "beta=f3fee3603fdc16d5f",
        "pareto=f3ff137a071cf2f05",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff400dc5a2b1e4f",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=0",
        "choice5=2",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=120645",
        "randbytes5=b03eb398a4a",
        "randbytes9=b605cd19f3517f53511",
        "randbytes0=b",
        "random=f3fe20d477fe8f823",
        "random=f3fe1ef1bf8c5902f",
    ];
    const STR_INTERLEAVE_BYTES: &[u8] = &[105, 110, 116, 101, 114, 108, 101, 97, 118, 101];
    const STR_INTERLEAVE_SHA512: [u8; 64] = [
        8, 131, 138, 226, 196, 14, 88, 214, 92, 226, 69, 38, 162, 87, 46, 55, 121, 208, 146, 86,
        144, 76, 95, 128, 115, 78, 29, 87, 208, 171, 221, 134, 197, 177, 21, 255, 168, 83, 9, 161,
        4, 20, 70, 228, 232, 129, 29, 139, 0, 11, 37, 103, 101, 56, 232, 193, 173, 124, 137, 185,
        23, 150, 30, 98,
    ];
    const BYTES_EMPTY: &[&str] = &[
        "random=f3feeba2b25d163e4",
        "random=f3fe30d9d60d3da22",
        "random=f3fd8d52f16ea3076",
        "random=f3fe7797eef02ec3e",
        "random=f3fcc44402db32d80",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=1",
        "getrandbits7=79",
        "getrandbits7=0",
        "getrandbits32=4157757874",
        "getrandbits32=2582989888",
        "getrandbits33=2708996065",
        "getrandbits33=5865280156",
        "getrandbits53=4141087416588372",
        "getrandbits53=2765187519827818",
        "getrandbits64=15128768880739702717",
        "getrandbits64=9412541591502902404",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=2",
        "randbelow10=0",
        "randbelow1000=251",
        "randbelow2147483648=1357300913",
        "randbelow4294967297=896119988",
        "randbelow9007199254740999=5844887102883133",
        "randbelow18446744073709551615=7267133379396679642",
        "randrange(10,None,1)=9",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=3",
        "randrange(-5,5,1)=-4",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=35",
        "randrange(100,0,-7)=58",
        "randrange(10,-10,-3)=1",
        "randrange(-10,10,3)=-4",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-8472930697107720338",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-2718076453790150788",
        "randrange(9223372036854775806,-9223372036854775808,-5)=-6556399597206472194",
        "randrange(0,4611686018427387904,3)=2190053782965703566",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-1",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=-4",
        "randint(1,6)=3",
        "randint(-100,100)=-46",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-3102405265307095451",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[9,5,0,6,8,1,3,4,7,2]",
        "shuffle3=[1,0,2]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[17,43,8,69,60,62,68,77,79,97]",
        "sample(30,20)=[9,29,16,17,10,12,15,21,11,28,20,27,13,5,6,0,14,3,23,7]",
        "sample(1000,5)=[31,61,166,925,254]",
        "sample(10,10)=[1,0,9,3,7,2,6,8,5,4]",
        "sample(5,0)=[]",
        "sample(85,6)=[54,25,41,72,64,39]",
        "sample(86,6)=[70,18,5,51,38,20]",
        "sample(21,5)=[15,3,7,17,19]",
        "sample(22,5)=[17,15,7,9,11]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[318113,800572,739625,531980,805163,643358,664540,620898,111737,436054,771298,984782,462277,387604,916020,305719,691762,103935,636067,778830,758939,165200,208383,489413,850431,508258,14174,183825,31607,658813,50611,447788,614613,176523,25824,765555,170378,540296,580279,606116,615638,549910,636609,164475,553974,784355,754971,266850,584595,592189]",
        "sample(200,100)=[167,133,124,41,16,83,50,17,78,36,44,170,7,67,9,151,192,177,135,113,81,199,160,38,72,69,168,22,92,157,8,190,31,65,162,0,28,61,34,27,100,51,86,62,32,114,58,45,185,64,156,15,87,105,153,118,128,139,29,154,5,96,75,134,194,56,97,161,152,1,73,43,148,172,47,71,140,131,77,123,187,54,30,125,143,130,197,196,21,33,10,85,2,195,68,57,150,132,169,155]",
        "sample(50,40)=[28,6,35,9,4,38,11,8,22,41,27,1,25,39,30,12,14,20,49,26,40,18,2,33,47,3,45,48,44,46,5,43,16,15,29,36,0,13,10,34]",
        "choices(7,10)=[2,6,0,6,5,4,4,0,1,2]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[1,1,1,1,1,0,3,3,0,3]",
        "wchoices1=[1,1,3,3,3,3,3,3,3,1]",
        "wchoices2=[2,2,2,2,1]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f400535f0c7d7dbf9",
        "uniform=f4000ddf179dafbf2",
        "uniform=f4014000000000000",
        "uniform=fc023988516269dd0",
        "gauss=fbfeedbfb9886ad97",
        "gauss=fbff772bc856caa0d",
        "gauss=fbffdaa978e223860",
        "gauss=f3fd6308204d493da",
        "gauss=f3feb266f2b529f25",
        "random=f3feed2182533a8cc",
        "gauss=f402330d7cd6f04b0",
        "gauss=f401506840a049b89",
        "gauss=f402244947b36d1a6",
        "normalvariate=fbfe8356446770f0e",
        "normalvariate=fbff0f8dd326b44b5",
        "normalvariate=f3fdb044603e8ceaa",
        "gauss=f4000b52688124594",
        "triangular=f3fcbbec5a9808d7f",
        "triangular=f3ff5ce56212344e4",
        "triangular=f4014000000000000",
        "triangular=f401235061778bab6",
        "triangular=f401cf9b9c2306242",
        "triangular=f3fb0adc7df141588",
        "expovariate=f4011a9d58881dfe5",
        "expovariate=fc0038301f7e4402a",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fe34f75d59ad58e",
        "vonmises=f3fede2ab2d7d40d0",
        "vonmises=f400ba8eca6b58354",
        "vonmises=f3ffefdf657a5ef00",
        "gamma=f40229a0c2828b60f",
        "gamma=f400b14b535b8c255",
        "gamma=f401f440e496f6c10",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fec4b9b312a3443",
        "beta=f3fcf9a2ca0e720e2",
        "beta=f3feb16e1275aea2a",
        "pareto=f3ff68fe6d826c524",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f4001fcc510f61b10",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=4",
        "choice5=2",
        "choice5=3",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=841936",
        "randbytes5=bd98ec5ab50",
        "randbytes9=ba5904990d628b2ec77",
        "randbytes0=b",
        "random=f3fed06b9201a9b94",
        "random=f3fe8e4e0672cd25c",
    ];
    const BYTES_EMPTY_BYTES: &[u8] = &[];
    const BYTES_EMPTY_SHA512: [u8; 64] = [
        207, 131, 225, 53, 126, 239, 184, 189, 241, 84, 40, 80, 214, 109, 128, 7, 214, 32, 228, 5,
        11, 87, 21, 220, 131, 244, 169, 33, 211, 108, 233, 206, 71, 208, 209, 60, 93, 133, 242,
        176, 255, 131, 24, 210, 135, 126, 236, 47, 99, 185, 49, 189, 71, 65, 122, 129, 165, 56, 50,
        122, 249, 39, 218, 62,
    ];
    const STR_UNICODE: &[&str] = &[
        "random=f3fc9966f1fb659b4",
        "random=f3fe866d76e4bb8d7",
        "random=f3fe2ccd0f8762355",
        "random=f3fe05f11bf332b60",
        "random=f3fc7ab28b209e344",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=33",
        "getrandbits7=18",
        "getrandbits32=386810626",
        "getrandbits32=395681230",
        "getrandbits33=4987592894",
        "getrandbits33=4377244383",
        "getrandbits53=204295156803661",
        "getrandbits53=4710189307596768",
        "getrandbits64=15676825536111632202",
        "getrandbits64=17349337228888114317",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=0",
        "randbelow10=3",
        "randbelow1000=331",
        "randbelow2147483648=653043201",
        "randbelow4294967297=3187029371",
        "randbelow9007199254740999=2762831163979467",
        "randbelow18446744073709551615=18282882860813905279",
        "randrange(10,None,1)=6",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=8",
        "randrange(-5,5,1)=1",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=7",
        "randrange(100,0,-7)=51",
        "randrange(10,-10,-3)=4",
        "randrange(-10,10,3)=-10",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=2252889745001032897",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-2327451035882232583",
        "randrange(9223372036854775806,-9223372036854775808,-5)=1551458406040705051",
        "randrange(0,4611686018427387904,3)=3046868777631794961",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=5",
        "randint(1,6)=1",
        "randint(-100,100)=33",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-4620310744958063601",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[0,3,5,1,7,2,6,8,9,4]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[15,3,65,62,98,66,84,64,58,52]",
        "sample(30,20)=[11,16,3,8,17,5,10,28,14,6,19,2,4,9,1,12,15,23,27,13]",
        "sample(1000,5)=[592,99,188,336,77]",
        "sample(10,10)=[4,0,8,9,5,1,7,6,2,3]",
        "sample(5,0)=[]",
        "sample(85,6)=[54,29,58,2,42,76]",
        "sample(86,6)=[63,56,28,27,58,1]",
        "sample(21,5)=[11,8,7,19,17]",
        "sample(22,5)=[6,8,12,15,0]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[684327,431952,941894,581062,625497,124363,66374,680240,735471,463175,323668,127071,561638,278984,492910,533610,876069,504773,702702,812868,166038,281987,544924,836423,304663,166307,222265,747769,516874,223013,375691,505721,28103,574674,874625,434184,994710,221855,118694,623796,787616,215933,462983,967995,677697,766303,540392,810591,185872,450578]",
        "sample(200,100)=[69,163,162,21,10,128,190,198,65,130,78,52,135,154,110,103,168,61,179,3,136,96,82,178,172,159,181,59,62,137,134,119,170,165,25,107,2,151,129,138,5,93,97,90,94,6,4,111,122,192,152,19,148,183,77,15,187,79,43,124,120,116,98,86,160,123,176,9,106,37,142,8,145,0,146,74,184,22,166,141,56,132,48,115,121,158,34,105,24,80,33,140,155,35,87,45,118,14,180,36]",
        "sample(50,40)=[49,48,9,1,25,28,17,13,38,16,26,35,20,5,34,23,14,43,18,6,44,45,2,32,41,4,10,0,27,3,33,8,47,22,21,24,42,39,7,36]",
        "choices(7,10)=[0,3,4,4,4,3,2,2,1,2]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[3,1,2,2,0,3,3,2,2,3]",
        "wchoices1=[3,3,3,1,3,3,3,3,3,0]",
        "wchoices2=[2,2,0,1,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f400f89d6a9480601",
        "uniform=f3fda2d2e02e7e600",
        "uniform=f4014000000000000",
        "uniform=f3ff5cdad0b3b1f80",
        "gauss=fbfd8db4b12378a9d",
        "gauss=fbff3e739ed871046",
        "gauss=fbfe243a9def529bf",
        "gauss=fbfcfd728d5af37b2",
        "gauss=fbff9eb5861cdf0b5",
        "random=f3fee6d16033a65b8",
        "gauss=f4017cc4f4025b668",
        "gauss=f401aaa0dd0c7c10c",
        "gauss=f4024e01f8fdc891e",
        "normalvariate=f3fc3e47a3648026d",
        "normalvariate=f3ff38db6ef0dd0f9",
        "normalvariate=fbf875e0b9cf71e15",
        "gauss=fbff047acf447d16c",
        "triangular=f3fcf94563feae89a",
        "triangular=f40198d6c8057452b",
        "triangular=f4014000000000000",
        "triangular=f401bb75b2b76a77c",
        "triangular=f3ff056aced226ed9",
        "triangular=f3fc2cd32c78f1794",
        "expovariate=f3ff0459945816c21",
        "expovariate=fbfdb580bff362b2e",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3ffe901f45c48850",
        "vonmises=f3fdba77c268275aa",
        "vonmises=f4008bc1250eda89c",
        "vonmises=f4017d1623901556a",
        "gamma=f3fe939f2a01db0ff",
        "gamma=f401d5503c1708f11",
        "gamma=f401483f215bc9511",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3feb7f0be3fe1e31",
        "beta=f3fc4c3db29cc4ce3",
        "beta=f3fefac027a55bdde",
        "pareto=f3ff0c618ea7f40b1",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f400137eca88ed252",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=0",
        "choice5=1",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=547013",
        "randbytes5=b055482a74b",
        "randbytes9=b7461027d530e8dd9a9",
        "randbytes0=b",
        "random=f3fd523cd39925134",
        "random=f3fd0a19e673a419e",
    ];
    const STR_UNICODE_BYTES: &[u8] = &[
        104, 195, 169, 108, 108, 111, 32, 119, 195, 182, 114, 108, 100, 32, 226, 156, 147,
    ];
    const STR_UNICODE_SHA512: [u8; 64] = [
        115, 202, 165, 100, 203, 60, 76, 127, 54, 23, 15, 58, 17, 61, 52, 251, 154, 183, 102, 230,
        235, 134, 109, 168, 68, 40, 145, 216, 242, 33, 68, 130, 218, 215, 161, 205, 113, 68, 212,
        37, 238, 115, 198, 59, 216, 74, 35, 18, 157, 255, 71, 110, 211, 123, 130, 116, 61, 65, 220,
        166, 57, 97, 118, 216,
    ];
    const FLOAT_3_5: &[&str] = &[
        "random=f3fd37368bacfefe4",
        "random=f3fcd75600ed5cac4",
        "random=f3fed2f75100ae35c",
        "random=f3fe27b5de0521e9c",
        "random=f3fc67e7e03456e80",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=0",
        "getrandbits7=52",
        "getrandbits7=39",
        "getrandbits32=200191229",
        "getrandbits32=2307691155",
        "getrandbits33=2912914935",
        "getrandbits33=1832690791",
        "getrandbits53=6572738984044171",
        "getrandbits53=2280093313265861",
        "getrandbits64=15397149087687133246",
        "getrandbits64=9849869861452405242",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=2",
        "randbelow10=8",
        "randbelow1000=659",
        "randbelow2147483648=1642715709",
        "randbelow4294967297=3215691730",
        "randbelow9007199254740999=8867745455212073",
        "randbelow18446744073709551615=6866197428489574896",
        "randrange(10,None,1)=0",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=4",
        "randrange(-5,5,1)=3",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=77",
        "randrange(100,0,-7)=37",
        "randrange(10,-10,-3)=-5",
        "randrange(-10,10,3)=-10",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=5516845322947789963",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-2907474946219723036",
        "randrange(9223372036854775806,-9223372036854775808,-5)=8524280933305933541",
        "randrange(0,4611686018427387904,3)=2821687441387172928",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-1",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=1",
        "randint(1,6)=6",
        "randint(-100,100)=45",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-5845251929124917430",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[7,4,5,2,3,9,0,1,6,8]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[66,18,17,73,11,36,83,92,47,41]",
        "sample(30,20)=[24,22,16,12,5,20,3,27,25,4,2,13,8,10,23,0,7,11,9,29]",
        "sample(1000,5)=[473,634,18,792,727]",
        "sample(10,10)=[3,1,4,8,9,2,0,7,5,6]",
        "sample(5,0)=[]",
        "sample(85,6)=[63,28,53,81,44,36]",
        "sample(86,6)=[12,2,75,10,37,13]",
        "sample(21,5)=[15,9,3,11,8]",
        "sample(22,5)=[20,6,19,12,15]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[607807,704252,175857,268526,386970,433813,52476,445932,465010,587901,64080,425414,799487,848371,803194,945717,113241,820612,68640,430523,413621,458449,692470,234155,961643,212226,271498,437535,224939,539989,952725,541992,512112,644080,798605,529839,246532,139021,369794,911584,113120,403720,208319,728558,548118,596416,164384,433940,9476,805675]",
        "sample(200,100)=[191,83,2,92,70,17,117,173,145,77,157,127,103,166,113,152,85,71,3,160,120,198,65,183,104,154,196,126,100,180,12,6,5,119,72,137,170,172,185,43,91,163,27,164,37,66,158,53,146,30,14,161,21,42,194,109,36,28,55,181,182,125,192,46,156,190,47,76,16,23,18,114,95,135,24,54,124,168,197,178,20,129,134,51,44,106,165,39,79,130,1,195,105,169,63,89,112,184,59,131]",
        "sample(50,40)=[7,1,17,3,11,15,2,39,6,16,25,21,22,49,27,48,19,0,10,20,40,28,8,9,38,23,44,14,26,4,37,31,45,32,46,5,13,18,34,42]",
        "choices(7,10)=[5,1,5,5,2,2,3,2,6,6]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[3,2,2,3,3,1,0,2,2,1]",
        "wchoices1=[3,0,3,1,3,3,3,3,0,3]",
        "wchoices2=[2,2,1,2,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f4015559aaa446a9a",
        "uniform=f3ff7821f088ab470",
        "uniform=f4014000000000000",
        "uniform=f4021e4b82cee1765",
        "gauss=fbffab194d2d881b7",
        "gauss=fbfe8718b546764f4",
        "gauss=f3fcbe9153a177645",
        "gauss=f3fe7a2c22766e6ca",
        "gauss=f3fcc56201606ac91",
        "random=f3fe33ed7032f52ce",
        "gauss=f40282944843d39fc",
        "gauss=f40251170218be9df",
        "gauss=f40209f4e94a62800",
        "normalvariate=fbfda0c3f7dfc9816",
        "normalvariate=fbff17287ccb632d4",
        "normalvariate=f3ff465515cb3a2e3",
        "gauss=f3fc6baaf17553c13",
        "triangular=f3fe6787b5fa67bf4",
        "triangular=f4012cf419ae83c92",
        "triangular=f4014000000000000",
        "triangular=f4018a24ce262f6de",
        "triangular=f3ff2a80b6b8c01e5",
        "triangular=f3facffd096a26800",
        "expovariate=f3fcbca44dfa7b501",
        "expovariate=fc00a4fae17f8382d",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fe5517bb0519a98",
        "vonmises=f3ff76d8a994f0446",
        "vonmises=f4003da26f5637f48",
        "vonmises=f400f8edc7c2d010b",
        "gamma=f3fd276f7e47f54e5",
        "gamma=f3ffd4b39c79fa1d0",
        "gamma=f400d0adf3561b6cf",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff0b934f751a4d9",
        "beta=f3fdf1f4415a573f0",
        "beta=f3fed06e05625388b",
        "pareto=f4000383ec2060f52",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff18fedd4f71ced",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=4",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=105376",
        "randbytes5=b121fdaa243",
        "randbytes9=b4666d672bc94995c8d",
        "randbytes0=b",
        "random=f3fec6e7726c05a3c",
        "random=f3fd357144dcae37c",
    ];
    const FLOAT_M0_25: &[&str] = &[
        "random=f3feb52b245a6ec3a",
        "random=f3fef94e9accb12c6",
        "random=f3fe8b64dbf768ab8",
        "random=f3feb68f82b1ed637",
        "random=f3fd4c88398d4acb8",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=0",
        "getrandbits7=97",
        "getrandbits7=83",
        "getrandbits32=1881324004",
        "getrandbits32=2752163752",
        "getrandbits33=3506558343",
        "getrandbits33=2594626035",
        "getrandbits53=8301722562803416",
        "getrandbits53=1537477311784098",
        "getrandbits64=9707039725225808875",
        "getrandbits64=17601061864201002761",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=0",
        "randbelow10=3",
        "randbelow1000=762",
        "randbelow2147483648=1321453531",
        "randbelow4294967297=3843109836",
        "randbelow9007199254740999=7447082788550925",
        "randbelow18446744073709551615=1532297664576874408",
        "randrange(10,None,1)=8",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=3",
        "randrange(-5,5,1)=2",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=56",
        "randrange(100,0,-7)=51",
        "randrange(10,-10,-3)=4",
        "randrange(-10,10,3)=8",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=5927255345516859371",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-7379740886828488431",
        "randrange(9223372036854775806,-9223372036854775808,-5)=117791949458234106",
        "randrange(0,4611686018427387904,3)=3926875022020609926",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=-4",
        "randint(1,6)=6",
        "randint(-100,100)=13",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-8497274611197093771",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[6,3,2,1,0,8,9,5,7,4]",
        "shuffle3=[0,2,1]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[82,84,40,88,44,17,89,24,9,46]",
        "sample(30,20)=[13,21,17,14,25,23,4,19,11,6,8,3,29,2,20,18,12,22,16,15]",
        "sample(1000,5)=[427,956,163,8,475]",
        "sample(10,10)=[3,5,9,8,2,1,4,7,0,6]",
        "sample(5,0)=[]",
        "sample(85,6)=[75,79,22,48,8,60]",
        "sample(86,6)=[25,38,42,30,33,63]",
        "sample(21,5)=[16,11,18,10,2]",
        "sample(22,5)=[4,11,1,20,2]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[204695,983164,419171,265364,376866,296108,675748,879167,809375,719250,217123,306017,923545,996522,381966,854899,852833,898281,906941,960209,124826,76031,609131,569803,526229,91636,405659,678602,49514,539654,368424,597047,17841,308265,502123,671924,167545,333670,690100,717593,388313,866433,151765,402554,974564,910241,863064,507110,420590,450419]",
        "sample(200,100)=[86,50,4,77,90,112,116,76,3,35,33,143,48,125,113,196,164,189,71,146,16,176,11,185,78,65,10,37,57,177,109,102,138,73,55,179,166,114,107,40,142,6,93,157,61,130,69,59,83,180,115,174,195,67,44,84,170,74,173,18,5,145,131,123,128,175,47,144,187,12,150,92,135,29,0,108,91,169,89,13,165,149,95,45,52,158,42,178,194,97,120,140,46,24,20,117,15,27,19,162]",
        "sample(50,40)=[23,37,39,21,5,36,12,2,38,48,13,9,29,0,24,30,43,6,27,7,15,25,18,19,3,40,11,32,28,49,46,16,34,44,42,22,20,17,10,26]",
        "choices(7,10)=[3,2,3,6,5,3,0,0,4,2]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[2,2,2,3,1,2,2,1,3,3]",
        "wchoices1=[0,1,1,1,3,3,3,3,1,3]",
        "wchoices2=[2,2,2,2,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f40109c103b684278",
        "uniform=fbfadab87e6e3d140",
        "uniform=f4014000000000000",
        "uniform=f401cf67a33702f4f",
        "gauss=f3fdf0e8e21b82365",
        "gauss=fbf9343bf89881ce8",
        "gauss=fbfb748f6896c25d9",
        "gauss=f3f9785bc337d14f0",
        "gauss=fc004dfe689da5fec",
        "random=f3fe896947c616c66",
        "gauss=f4025a121107422ce",
        "gauss=f4014e190ca4b3406",
        "gauss=f40269b82dce2ee70",
        "normalvariate=fc0031aaa6b9b97ce",
        "normalvariate=fbff38a329daeab7e",
        "normalvariate=fbfb8291c69468d86",
        "gauss=f3fc0bb73e3ba0987",
        "triangular=f3fd605daee3580e7",
        "triangular=f400f5e7bba5c0a08",
        "triangular=f4014000000000000",
        "triangular=f400fb33cb7fa8dac",
        "triangular=f401bafd2cda1811f",
        "triangular=f3fc989e4d6dae574",
        "expovariate=f3fe9bafc24d62d5d",
        "expovariate=fbfdf0fe701502aa6",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fe3f0450a7c41f7",
        "vonmises=f3fa58540ec97a600",
        "vonmises=f400d839e0ca7a380",
        "vonmises=f40089ed95b456a88",
        "gamma=f3fe9563255166739",
        "gamma=f3fed9a9cb66c8890",
        "gamma=f40056fcbb57a9e92",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fee8843421bac61",
        "beta=f3fd36a189621bbc3",
        "beta=f3feaf9a1488f46d5",
        "pareto=f3ffef6dcf4f3e11b",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff25ae5085934ae",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=4",
        "choice5=1",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=588157",
        "randbytes5=b13e5de992e",
        "randbytes9=b17f9e3e9c1b99ac4c3",
        "randbytes0=b",
        "random=f3fe13f77fd80b1da",
        "random=f3fe113bece63bba2",
    ];
    const FLOAT_1E300: &[&str] = &[
        "random=f3fd0bb03504c5e90",
        "random=f3fb158f45670f798",
        "random=f3fdaab20593be774",
        "random=f3fe365277e6cce63",
        "random=f3fe8820f73b79184",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=0",
        "getrandbits1=0",
        "getrandbits7=89",
        "getrandbits7=119",
        "getrandbits32=2521194239",
        "getrandbits32=1197680098",
        "getrandbits33=2132053161",
        "getrandbits33=6194351491",
        "getrandbits53=198237852275125",
        "getrandbits53=5228991517761055",
        "getrandbits64=8514496107418758195",
        "getrandbits64=10208304758387964056",
        "randbelow1=0",
        "randbelow2=1",
        "randbelow3=1",
        "randbelow10=9",
        "randbelow1000=45",
        "randbelow2147483648=1440285054",
        "randbelow4294967297=2783166643",
        "randbelow9007199254740999=2458613219214244",
        "randbelow18446744073709551615=13514662800731171773",
        "randrange(10,None,1)=3",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=14",
        "randrange(-5,5,1)=1",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=84",
        "randrange(100,0,-7)=86",
        "randrange(10,-10,-3)=-5",
        "randrange(-10,10,3)=8",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=-8660283338794353101",
        "randrange(9223372036854775807,-9223372036854775808,-1)=8474138096799363837",
        "randrange(9223372036854775806,-9223372036854775808,-5)=4670229370861910386",
        "randrange(0,4611686018427387904,3)=1234129683598052331",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=-1",
        "randrange(7,-7,-1)=3",
        "randint(1,6)=3",
        "randint(-100,100)=0",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-7792928361416316826",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[3,8,1,7,5,6,4,9,2,0]",
        "shuffle3=[1,2,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[6,73,87,1,79,18,9,26,17,49]",
        "sample(30,20)=[19,5,21,7,1,29,2,27,28,11,22,10,15,13,17,6,24,4,14,20]",
        "sample(1000,5)=[53,31,530,850,411]",
        "sample(10,10)=[4,6,3,0,7,8,9,2,5,1]",
        "sample(5,0)=[]",
        "sample(85,6)=[56,12,69,21,43,49]",
        "sample(86,6)=[57,76,41,18,62,73]",
        "sample(21,5)=[3,9,1,20,11]",
        "sample(22,5)=[18,4,2,17,19]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[53555,189353,718242,499174,767469,26849,84727,733582,47482,154672,118304,663995,177338,234968,188997,123765,473011,894099,692182,283843,896065,220926,881868,778902,660623,3100,460499,872245,847530,331982,692038,95508,760355,943503,424001,29879,894982,452813,419315,587142,725291,859301,3624,992428,476962,733539,800987,575974,223598,57556]",
        "sample(200,100)=[16,198,32,136,144,53,83,47,99,105,179,159,126,178,18,189,79,31,199,93,177,77,167,114,128,76,142,191,88,155,158,4,61,5,66,52,12,67,169,122,184,171,131,7,91,60,70,59,164,185,165,148,74,104,23,123,112,63,101,69,62,39,156,21,8,46,187,0,137,15,87,92,6,28,40,115,146,149,125,9,94,2,147,157,84,176,113,127,57,55,29,107,152,161,129,121,85,13,26,43]",
        "sample(50,40)=[44,5,31,27,46,0,3,14,13,39,30,47,4,15,43,19,16,1,2,37,34,22,49,26,23,20,41,25,36,24,45,40,10,28,21,8,6,29,11,32]",
        "choices(7,10)=[3,1,6,1,1,4,2,6,4,1]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[2]",
        "wchoices0=[0,2,3,3,2,1,2,1,1,1]",
        "wchoices1=[3,1,0,1,3,0,3,3,1,1]",
        "wchoices2=[2,0,2,2,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f401c9d4f41b0f0ab",
        "uniform=f3ff8bb7bcf181c40",
        "uniform=f4014000000000000",
        "uniform=fc020f16445cf5c28",
        "gauss=f3ff8dd35f06a379a",
        "gauss=fbffab9cc4545ecc5",
        "gauss=f3fe9577d35fcf935",
        "gauss=f3fdb5b1a5abd4c29",
        "gauss=fc00489c5ecb9958f",
        "random=f3fefe9181b795fef",
        "gauss=f402348e13195d9f8",
        "gauss=f40257074de6874b1",
        "gauss=f402b00f54ef80274",
        "normalvariate=f40028bd9e315cc9b",
        "normalvariate=f3fd826f80dbaf13b",
        "normalvariate=fbff0a9c938875182",
        "gauss=f40036c404daec114",
        "triangular=f3fe556c1f645232c",
        "triangular=f4023e23b31496b4c",
        "triangular=f4014000000000000",
        "triangular=f40146212c8e2e73c",
        "triangular=f4011da47529378c6",
        "triangular=f3fcdb1b44f708e98",
        "expovariate=f3fd6583c6e7d8cb9",
        "expovariate=fbfd332f279b5e8ae",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fee1a4c2e500df8",
        "vonmises=f3fec8fe50e5abd14",
        "vonmises=f3fc228d140019e04",
        "vonmises=f4011af14a703e0ff",
        "gamma=f3fec933f517a2de7",
        "gamma=f3fe68bb387ea4990",
        "gamma=f4020063b1df598d4",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fefacfcc79de643",
        "beta=f3fe22849f8da4182",
        "beta=f3feffbeb0ee03099",
        "pareto=f400a24d56277b5e0",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3fef07e32f44bb6a",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=2",
        "choice5=3",
        "choice5=2",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=510652",
        "randbytes5=b577c19d11c",
        "randbytes9=b69f1ebd8a590386e30",
        "randbytes0=b",
        "random=f3fe766631e7e7941",
        "random=f3fed1f66de078c4c",
    ];
    const FLOAT_5: &[&str] = &[
        "random=f3fe3eecf89059360",
        "random=f3fe7bcb8116f23ee",
        "random=f3fe97239c6c3047f",
        "random=f3fee288d7f5db50c",
        "random=f3fe7ad3fc69bae32",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=3",
        "getrandbits7=107",
        "getrandbits32=1999834075",
        "getrandbits32=3332716663",
        "getrandbits33=4051686260",
        "getrandbits33=2787324501",
        "getrandbits53=1412794706651707",
        "getrandbits53=3348816551678198",
        "getrandbits64=16019991071338850466",
        "getrandbits64=7023743836218156456",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=0",
        "randbelow10=3",
        "randbelow1000=417",
        "randbelow2147483648=1200367645",
        "randbelow4294967297=1672620529",
        "randbelow9007199254740999=2499808714169928",
        "randbelow18446744073709551615=11389988611466225948",
        "randrange(10,None,1)=7",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=5",
        "randrange(-5,5,1)=-5",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=91",
        "randrange(100,0,-7)=100",
        "randrange(10,-10,-3)=7",
        "randrange(-10,10,3)=8",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=8899098810379854783",
        "randrange(9223372036854775807,-9223372036854775808,-1)=-6869710717905637722",
        "randrange(9223372036854775806,-9223372036854775808,-5)=2552448951054130626",
        "randrange(0,4611686018427387904,3)=3730093981476797304",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=9223372036854775806",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=5",
        "randint(1,6)=6",
        "randint(-100,100)=-50",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-8825471851359801872",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775806",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[3,7,5,0,8,6,9,1,4,2]",
        "shuffle3=[2,1,0]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[45,39,61,89,40,23,60,90,22,7]",
        "sample(30,20)=[8,0,23,11,12,28,17,13,26,25,18,24,14,1,5,9,3,16,22,7]",
        "sample(1000,5)=[352,524,363,914,537]",
        "sample(10,10)=[4,7,1,9,5,2,6,0,8,3]",
        "sample(5,0)=[]",
        "sample(85,6)=[26,43,65,78,46,18]",
        "sample(86,6)=[43,35,69,11,39,40]",
        "sample(21,5)=[9,5,2,4,20]",
        "sample(22,5)=[15,5,1,2,19]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[559447,968471,425604,33372,248865,776531,622812,360534,866433,262363,477799,682587,442244,152703,58413,960568,669331,34310,840606,517539,350418,879156,217118,136914,767205,591446,995935,139226,661021,940044,826287,433924,111810,177021,455664,391116,156495,61625,885767,441079,309133,148061,475167,966790,650538,893651,177513,547560,475571,511871]",
        "sample(200,100)=[176,186,81,122,70,74,120,103,37,28,96,136,45,160,127,86,46,22,125,69,131,140,128,92,16,91,150,169,8,78,93,143,71,124,67,75,87,187,148,2,121,178,64,83,195,118,73,177,174,89,155,88,104,173,44,115,172,85,132,36,135,42,50,199,196,72,20,106,43,107,77,180,7,25,133,164,56,79,156,23,190,97,163,193,80,151,5,60,119,21,6,17,14,40,116,61,24,149,4,53]",
        "sample(50,40)=[29,22,24,42,39,4,37,13,15,23,0,48,25,17,26,7,40,2,19,3,9,36,16,10,18,49,11,44,46,21,43,28,33,14,38,32,47,6,20,34]",
        "choices(7,10)=[6,6,4,2,6,0,0,3,4,0]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[1,3,2,3,3,2,1,3,2,2]",
        "wchoices1=[1,3,3,1,3,0,3,3,1,3]",
        "wchoices2=[2,0,2,1,2]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f4009d4ec2f9f9d8d",
        "uniform=f3fc9b9f583f87a80",
        "uniform=f4014000000000000",
        "uniform=f4010411500afeefa",
        "gauss=fbff1905cfcbb8a57",
        "gauss=fbfcaaec9a60d84ad",
        "gauss=fbff0fe5744275c91",
        "gauss=f3ff445483c6d50c6",
        "gauss=fbfcd5904d8df7c67",
        "random=f3fd027b2946d02ea",
        "gauss=f402343aa5ce1e52f",
        "gauss=f401292b72763086f",
        "gauss=f4027115af8348458",
        "normalvariate=f3ff76efa2ab29a08",
        "normalvariate=fbfd2b2acbd24c191",
        "normalvariate=f3fef13596a3cf537",
        "gauss=fc001831234d03603",
        "triangular=f3fdc18dddc013212",
        "triangular=f400e7b7b5f881064",
        "triangular=f4014000000000000",
        "triangular=f400f0b58056c7692",
        "triangular=f40148539f57eacc8",
        "triangular=f3fe2ce95f2b1fadc",
        "expovariate=f3fa7535fdc459ab7",
        "expovariate=fbfecf413e1d0c2ff",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fed8484eb3b7419",
        "vonmises=f3ff1d17339587fb5",
        "vonmises=f400904271f8048af",
        "vonmises=f4013f44e1ba6e652",
        "gamma=f3ffd8fd6babd4d2e",
        "gamma=f3fe917ea4561b416",
        "gamma=f401ff8bcb0dbdb62",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3ff0ca178eb56069",
        "beta=f3fea0a4c6f82ff95",
        "beta=f3fe73cc2fd350c65",
        "pareto=f4005c14a25c13b6c",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ff74ee48c76d01b",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=1",
        "choice5=0",
        "choice5=4",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=223492",
        "randbytes5=bffef260b8e",
        "randbytes9=bbdf5b31b56a203a961",
        "randbytes0=b",
        "random=f3fe7db597c49bb66",
        "random=f3fd1e965a075e2aa",
    ];
    const FLOAT_SUBNORMAL: &[&str] = &[
        "random=f3fee7618f478b3fd",
        "random=f3fe9efffb855e27b",
        "random=f3fdfa46d9c480418",
        "random=f3fd971e21af0702a",
        "random=f3fcd9cfe0b305e0c",
        "getrandbits0=0",
        "getrandbits0=0",
        "getrandbits1=1",
        "getrandbits1=1",
        "getrandbits7=60",
        "getrandbits7=85",
        "getrandbits32=968381393",
        "getrandbits32=3170676015",
        "getrandbits33=2535440301",
        "getrandbits33=585355553",
        "getrandbits53=5787509305781302",
        "getrandbits53=2307206810267691",
        "getrandbits64=5755376573058379165",
        "getrandbits64=14532281736047293395",
        "randbelow1=0",
        "randbelow2=0",
        "randbelow3=1",
        "randbelow10=1",
        "randbelow1000=86",
        "randbelow2147483648=1384366156",
        "randbelow4294967297=439180165",
        "randbelow9007199254740999=5368825916603135",
        "randbelow18446744073709551615=13838977280980353226",
        "randrange(10,None,1)=8",
        "randrange(1,None,1)=0",
        "randrange(0,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(-3,None,1)=ERR:ValueError:empty range for randrange()",
        "randrange(10,None,2)=ERR:TypeError:Missing a non-None stop argument",
        "randrange(3,17,1)=10",
        "randrange(-5,5,1)=-2",
        "randrange(3,3,1)=ERR:ValueError:empty range for randrange() (3, 3, 0)",
        "randrange(5,2,1)=ERR:ValueError:empty range for randrange() (5, 2, -3)",
        "randrange(0,100,7)=98",
        "randrange(100,0,-7)=51",
        "randrange(10,-10,-3)=1",
        "randrange(-10,10,3)=-4",
        "randrange(0,1,1)=0",
        "randrange(5,6,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,0)=ERR:ValueError:zero step for randrange()",
        "randrange(10,0,2)=ERR:ValueError:empty range for randrange()",
        "randrange(0,10,-1)=ERR:ValueError:empty range for randrange()",
        "randrange(-9223372036854775808,9223372036854775807,1)=2663309726111632289",
        "randrange(9223372036854775807,-9223372036854775808,-1)=2035599793090968488",
        "randrange(9223372036854775806,-9223372036854775808,-5)=-6105446348552770674",
        "randrange(0,4611686018427387904,3)=818208375379589829",
        "randrange(-9223372036854775808,9223372036854775807,9223372036854775807)=-9223372036854775808",
        "randrange(9223372036854775807,-9223372036854775808,-9223372036854775808)=9223372036854775807",
        "randrange(7,-7,-1)=0",
        "randint(1,6)=2",
        "randint(-100,100)=71",
        "randint(0,0)=0",
        "randint(-9223372036854775808,9223372036854775807)=-5194503492170542154",
        "randint(9223372036854775805,9223372036854775807)=9223372036854775805",
        "randint(5,3)=ERR:ValueError:empty range for randrange() (5, 4, -1)",
        "randint(-9223372036854775808,-9223372036854775808)=-9223372036854775808",
        "shuffle10=[7,6,8,3,0,2,5,1,4,9]",
        "shuffle3=[0,2,1]",
        "shuffle1=[0]",
        "shuffle0=[]",
        "sample(100,10)=[44,49,14,13,22,91,48,59,58,62]",
        "sample(30,20)=[16,28,0,10,23,4,27,22,29,5,20,3,6,8,1,13,14,26,25,15]",
        "sample(1000,5)=[559,875,171,217,435]",
        "sample(10,10)=[7,6,4,0,8,9,3,1,5,2]",
        "sample(5,0)=[]",
        "sample(85,6)=[24,55,41,13,31,76]",
        "sample(86,6)=[20,39,57,56,22,1]",
        "sample(21,5)=[5,14,3,2,8]",
        "sample(22,5)=[3,9,1,12,18]",
        "sample(0,0)=[]",
        "sample(3,4)=ERR:ValueError:Sample larger than population or is negative",
        "sample(3,-1)=ERR:ValueError:Sample larger than population or is negative",
        "sample(1000000,50)=[935641,692939,847682,906037,713618,217206,292400,753629,863619,414396,38789,486927,170500,806068,138147,878176,707565,586527,729020,251913,934868,848087,661046,81753,871472,890245,162163,760573,591998,717598,995887,658094,724023,118143,622927,471873,574031,445420,163569,325583,867152,752948,901644,277919,81787,863866,665543,537052,314895,646920]",
        "sample(200,100)=[67,59,104,65,88,60,89,121,75,96,99,4,172,12,82,23,81,163,176,178,45,151,136,25,26,101,74,130,37,32,22,109,102,126,53,112,86,137,42,141,31,54,139,170,155,47,147,158,166,44,162,90,79,142,174,140,14,84,110,24,152,106,153,43,16,11,192,108,55,95,123,13,131,107,61,115,8,120,62,40,94,6,118,63,117,27,80,187,157,68,34,194,50,165,175,78,71,134,98,35]",
        "sample(50,40)=[37,23,15,29,6,9,49,46,34,20,42,30,27,32,44,28,14,13,10,8,47,48,41,40,25,2,17,24,22,35,7,26,4,19,12,31,43,11,3,5]",
        "choices(7,10)=[3,2,3,1,1,2,4,3,0,0]",
        "choices(1,3)=[0,0,0]",
        "choices(0,0)=[]",
        "choices(0,2)=ERR:IndexError:list index out of range",
        "choices(3,1)=[0]",
        "wchoices0=[3,2,3,3,1,1,3,1,2,3]",
        "wchoices1=[0,3,3,1,3,3,1,3,3,1]",
        "wchoices2=[1,2,2,2,0]",
        "wchoices3=[2,2,2]",
        "wchoices4=ERR:ValueError:The number of weights does not match the population",
        "wchoices5=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices6=ERR:ValueError:Total of weights must be finite",
        "wchoices7=ERR:ValueError:Total of weights must be finite",
        "wchoices8=ERR:TypeError:Cannot specify both weights and cumulative weights",
        "wchoices9=ERR:IndexError:list index out of range",
        "wchoices10=ERR:ValueError:Total of weights must be greater than zero",
        "wchoices11=[0,0,0,0]",
        "wchoices12=[]",
        "wchoices13=[1,1,1,1,1,1]",
        "uniform=f400589268995eb78",
        "uniform=fbff525f50f5317f2",
        "uniform=f4014000000000000",
        "uniform=f401feaf2eb1a6b80",
        "gauss=fbf95c99b2d20f326",
        "gauss=fbfffc7186599dcc1",
        "gauss=fbfccb47b035f5217",
        "gauss=fbfbb88135b92f782",
        "gauss=f3fe4f0cc62836338",
        "random=f3fd3f187bc30d2ee",
        "gauss=f4016a921bbda895c",
        "gauss=f4028eebc2c6cadeb",
        "gauss=f401d0731be299666",
        "normalvariate=fbfb91d1db62a91c0",
        "normalvariate=fbfd002f40d2b597b",
        "normalvariate=fbfded7beefdc69d9",
        "gauss=f3fd09c8227a76e23",
        "triangular=f3fda49b456d840c1",
        "triangular=f401203f9f080a260",
        "triangular=f4014000000000000",
        "triangular=f4015cc366188e5b2",
        "triangular=f400cd416eb1cdf18",
        "triangular=f3fd469681810e016",
        "expovariate=f3fe3849bab48697a",
        "expovariate=fbfd2a05f4e8b70f6",
        "expovariate=ERR:ZeroDivisionError:float division by zero",
        "lognormvariate=f3fe5d586ffcf5f61",
        "vonmises=f3fe68a9b10ae76ac",
        "vonmises=f3ffe5428ff38da40",
        "vonmises=f40126b0d84a07d5e",
        "gamma=f3fe692e6996bb4eb",
        "gamma=f4017d5a4045272ef",
        "gamma=f40088b178c6450f7",
        "gamma=ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
        "gamma=f3fedfbfd24639683",
        "beta=f3fcef5a1a9fa6bf7",
        "beta=f3fecbf80322686c3",
        "pareto=f3ff38e3dd208a250",
        "pareto=ERR:ZeroDivisionError:float division by zero",
        "weibull=f3ffdf0acbae31c5c",
        "weibull=ERR:ZeroDivisionError:float division by zero",
        "choice5=0",
        "choice5=0",
        "choice5=3",
        "choice0=ERR:IndexError:Cannot choose from an empty sequence",
        "choice1000000=457164",
        "randbytes5=b1cf6e79744",
        "randbytes9=bd9e4a0d36a95302d2d",
        "randbytes0=b",
        "random=f3fbc215e9247f778",
        "random=f3fda2815cf653346",
    ];
    const FLOAT_HASHES: &[(f64, i64)] = &[
        (f64::from_bits(0x0000000000000000), 0),
        (f64::from_bits(0x8000000000000000), 0),
        (f64::from_bits(0x3ff0000000000000), 1),
        (f64::from_bits(0xbff0000000000000), -2),
        (f64::from_bits(0x3fe0000000000000), 1152921504606846976),
        (f64::from_bits(0xbfd0000000000000), -576460752303423488),
        (f64::from_bits(0x400c000000000000), 1152921504606846979),
        (f64::from_bits(0x4014000000000000), 5),
        (f64::from_bits(0x7e37e43c8800759c), 1224995262755759164),
        (f64::from_bits(0xfe37e43c8800759c), -1224995262755759164),
        (f64::from_bits(0x00000000000007e8), 33957085184),
        (f64::from_bits(0x0000000000000001), 16777216),
        (f64::from_bits(0x43c0000000000000), 1),
        (f64::from_bits(0x43bffffffffffffe), 2305843009213693440),
        (f64::from_bits(0x43b4d1120d7b1600), 1500000000000000000),
        (f64::from_bits(0x3fb999999999999a), 230584300921369408),
        (f64::from_bits(0x8000000000000001), -16777216),
        (f64::from_bits(0x7ff0000000000000), 314159),
        (f64::from_bits(0xfff0000000000000), -314159),
        (f64::from_bits(0x419d6f34547df3b6), 283618680910892309),
        (f64::from_bits(0x7fefff972474538f), 1081145371471880860),
    ];
    const ERR_RANGE_NONE: &str = "ValueError: empty range for randrange()";
    const ERR_MISSING_STOP: &str = "TypeError: Missing a non-None stop argument";
    const ERR_RANGE_3_3: &str = "ValueError: empty range for randrange() (3, 3, 0)";
    const ERR_ZERO_STEP: &str = "ValueError: zero step for randrange()";
    const ERR_RANGE_NEG: &str = "ValueError: empty range for randrange()";
    const ERR_RANDINT: &str = "ValueError: empty range for randrange() (5, 4, -1)";
    const ERR_CHOICE: &str = "IndexError: Cannot choose from an empty sequence";
    const ERR_SAMPLE: &str = "ValueError: Sample larger than population or is negative";
    const ERR_WEIGHTS_LEN: &str = "ValueError: The number of weights does not match the population";
    const ERR_WEIGHTS_ZERO: &str = "ValueError: Total of weights must be greater than zero";
    const ERR_WEIGHTS_FINITE: &str = "ValueError: Total of weights must be finite";
    const ERR_WEIGHTS_BOTH: &str = "TypeError: Cannot specify both weights and cumulative weights";
    const ERR_WEIGHTS_EMPTY: &str = "IndexError: list index out of range";
    const ERR_EXPO: &str = "ZeroDivisionError: float division by zero";
    const ERR_GAMMA: &str = "ValueError: gammavariate: alpha and beta must be > 0.0";
    const ERR_POW_OVERFLOW: &str = "OverflowError: (34, 'Numerical result out of range')";
    const ERR_POW_ZERO: &str = "ZeroDivisionError: 0.0 cannot be raised to a negative power";
    const ERR_EXP_RANGE: &str = "OverflowError: math range error";
    const ERR_DOMAIN: &str = "ValueError: math domain error";
}
