//! The `random` module: module-level functions on one hidden generator per process (a child
//! process starts with a fresh one, as under CPython's spawn), and `random.Random(seed)`
//! instances of their own. The numbers come from [`mersenne`], so a seeded program prints what
//! CPython prints.

use parking_lot::Mutex;
use sha2::{Digest, Sha512};

use super::mersenne::{self, Random};
use crate::lang::builtins::float_arg;
use crate::lang::error::{Ctrl, Eval, ExcKind};
use crate::lang::function::Args;
use crate::lang::object::{object, CallCx, NativeFn, PyObject};
use crate::lang::ops;
use crate::lang::value::{ModuleDef, Value};

/// The generator behind the module-level functions, seeded from the OS on first use.
static HIDDEN: Mutex<Option<Random>> = Mutex::new(None);

macro_rules! methods {
    ($($stat:ident = $name:literal),* $(,)?) => {
        $(static $stat: NativeFn = NativeFn {
            name: $name,
            call: |_, args| call(&HIDDEN, $name, args),
        };)*

        /// The module-level function `name`, a method of the hidden generator.
        fn function(name: &str) -> Option<&'static NativeFn> {
            match name {
                $($name => Some(&$stat),)*
                _ => None,
            }
        }
    };
}

methods! {
    SEED = "seed", RANDOM = "random", GETRANDBITS = "getrandbits", RANDBYTES = "randbytes",
    RANDRANGE = "randrange", RANDINT = "randint", CHOICE = "choice", CHOICES = "choices",
    SHUFFLE = "shuffle", SAMPLE = "sample", UNIFORM = "uniform", TRIANGULAR = "triangular",
    GAUSS = "gauss", NORMALVARIATE = "normalvariate", LOGNORMVARIATE = "lognormvariate",
    EXPOVARIATE = "expovariate", VONMISESVARIATE = "vonmisesvariate",
    GAMMAVARIATE = "gammavariate", BETAVARIATE = "betavariate",
    PARETOVARIATE = "paretovariate", WEIBULLVARIATE = "weibullvariate",
}

static RANDOM_CLASS: NativeFn = NativeFn {
    name: "Random",
    call: new_random,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "random",
    attr,
};

/// `random.name`, for attribute access and `from random import name`.
fn attr(name: &str) -> Option<Value> {
    match name {
        "Random" => Some(Value::Native(&RANDOM_CLASS)),
        _ => function(name).map(Value::Native),
    }
}

/// `random.Random(seed=None)`.
fn new_random(_: &CallCx, args: Args) -> Eval {
    let [seed] = params("Random", args, ["x"], 0)?;
    let generator = Mutex::new(Some(seeded(seed)?));
    Ok(object(RandomObj(generator)))
}

/// A `random.Random` instance.
struct RandomObj(Mutex<Option<Random>>);

impl PyObject for RandomObj {
    fn type_name(&self) -> &'static str {
        "Random"
    }

    fn repr(&self) -> String {
        format!(
            "<random.Random object at {:#x}>",
            self as *const Self as usize
        )
    }

    fn has_method(&self, name: &str) -> bool {
        function(name).is_some()
    }

    fn call_method(&self, _cx: &CallCx, _me: &Value, name: &str, args: Args) -> Eval {
        call(&self.0, name, args)
    }
}

/// Runs method `name` of the generator in `cell`. Arguments are read before the generator is
/// locked, and values built after, so no Python code runs while it is held.
fn call(cell: &Mutex<Option<Random>>, name: &str, args: Args) -> Eval {
    match name {
        "seed" => {
            let [a, _version] = params(name, args, ["a", "version"], 0)?;
            let fresh = seeded(a)?;
            *cell.lock() = Some(fresh);
            Ok(Value::None)
        }
        "random" => {
            params(name, args, [], 0)?;
            with(cell, |r| Ok(Value::Float(r.random())))
        }
        "getrandbits" => {
            let [k] = params(name, args, ["k"], 1)?;
            let k = int_arg(&k.expect("required"))?;
            if k < 0 {
                return Err(Ctrl::raise(
                    ExcKind::ValueError,
                    "number of bits must be non-negative",
                ));
            }
            if k > 63 {
                return Err(crate::lang::num::int_overflow());
            }
            with(cell, |r| Ok(Value::Int(r.getrandbits(k as u32) as i64)))
        }
        "randbytes" => {
            let [n] = params(name, args, ["n"], 1)?;
            let n = int_arg(&n.expect("required"))?;
            let n = usize::try_from(n)
                .map_err(|_| Ctrl::raise(ExcKind::ValueError, "negative argument not allowed"))?;
            let mut bytes = crate::lang::alloc::vec_with_capacity(n)?;
            bytes.resize(n, 0);
            with(cell, |r| {
                r.fill_bytes(&mut bytes);
                Ok(Value::bytes(&std::mem::take(&mut bytes)))
            })
        }
        "randrange" => {
            let [start, stop, step] = params(name, args, ["start", "stop", "step"], 1)?;
            let start = range_arg(&start.expect("required"), 1)?;
            let stop = stop.filter(|v| !matches!(v, Value::None));
            let stop = stop.map(|v| range_arg(&v, 2)).transpose()?;
            let step = step.map_or(Ok(1), |v| range_arg(&v, 3))?;
            with(cell, |r| {
                Ok(Value::Int(r.randrange(start, stop, step).map_err(raise)?))
            })
        }
        "randint" => {
            let [a, b] = params(name, args, ["a", "b"], 2)?;
            let (a, b) = (
                int_arg(&a.expect("required"))?,
                int_arg(&b.expect("required"))?,
            );
            with(cell, |r| Ok(Value::Int(r.randint(a, b).map_err(raise)?)))
        }
        "choice" => {
            let [seq] = params(name, args, ["seq"], 1)?;
            let seq = seq.expect("required");
            let n = length(&seq)?;
            let i = with(cell, |r| r.choice_index(n)).map_err(raise)?;
            ops::get_item(&seq, &Value::Int(i as i64))
        }
        "shuffle" => {
            let [x] = params(name, args, ["x"], 1)?;
            let Some(Value::List(items)) = x else {
                let kind = x.map_or("NoneType", |v| v.type_name());
                return Err(Ctrl::raise(
                    ExcKind::TypeError,
                    format!("'{kind}' object does not support item assignment"),
                ));
            };
            with(cell, |r| r.shuffle(&mut items.lock()));
            Ok(Value::None)
        }
        "sample" => sample(cell, args),
        "choices" => choices(cell, args),
        _ => float_method(cell, name, args),
    }
}

/// Runs `f` on the generator in `cell`, seeded from the OS on first use.
fn with<T>(cell: &Mutex<Option<Random>>, f: impl FnOnce(&mut Random) -> T) -> T {
    f(cell.lock().get_or_insert_with(Random::from_entropy))
}

/// The methods that take and give floats.
fn float_method(cell: &Mutex<Option<Random>>, name: &str, args: Args) -> Eval {
    let float = |v: Option<Value>, default: f64| v.map_or(Ok(default), |v| float_arg(&v, name));
    let required = |v: Option<Value>| float_arg(&v.expect("required"), name);
    let value = |x: Result<f64, mersenne::RandomError>| x.map(Value::Float).map_err(raise);
    match name {
        "uniform" => {
            let [a, b] = params(name, args, ["a", "b"], 2)?;
            let (a, b) = (required(a)?, required(b)?);
            with(cell, |r| Ok(Value::Float(r.uniform(a, b))))
        }
        "triangular" => {
            let [low, high, mode] = params(name, args, ["low", "high", "mode"], 0)?;
            let (low, high) = (float(low, 0.0)?, float(high, 1.0)?);
            let mode = mode.filter(|v| !matches!(v, Value::None));
            let mode = mode.map(|v| float_arg(&v, name)).transpose()?;
            with(cell, |r| Ok(Value::Float(r.triangular(low, high, mode))))
        }
        "gauss" | "normalvariate" => {
            let [mu, sigma] = params(name, args, ["mu", "sigma"], 0)?;
            let (mu, sigma) = (float(mu, 0.0)?, float(sigma, 1.0)?);
            with(cell, |r| {
                Ok(Value::Float(if name == "gauss" {
                    r.gauss(mu, sigma)
                } else {
                    r.normalvariate(mu, sigma)
                }))
            })
        }
        "expovariate" | "paretovariate" => {
            let [x] = params(name, args, [parameter_name(name)], 1)?;
            let x = required(x)?;
            with(cell, |r| {
                value(if name == "expovariate" {
                    r.expovariate(x)
                } else {
                    r.paretovariate(x)
                })
            })
        }
        "lognormvariate" | "vonmisesvariate" | "gammavariate" | "betavariate"
        | "weibullvariate" => {
            let names = two_parameters(name);
            let [a, b] = params(name, args, names, 2)?;
            let (a, b) = (required(a)?, required(b)?);
            with(cell, |r| {
                value(match name {
                    "lognormvariate" => r.lognormvariate(a, b),
                    "vonmisesvariate" => r.vonmisesvariate(a, b),
                    "gammavariate" => r.gammavariate(a, b),
                    "betavariate" => r.betavariate(a, b),
                    _ => r.weibullvariate(a, b),
                })
            })
        }
        other => unreachable!("{other} is not a method of random.Random"),
    }
}

fn parameter_name(name: &str) -> &'static str {
    if name == "expovariate" {
        "lambd"
    } else {
        "alpha"
    }
}

fn two_parameters(name: &str) -> [&'static str; 2] {
    match name {
        "lognormvariate" => ["mu", "sigma"],
        "vonmisesvariate" => ["mu", "kappa"],
        _ => ["alpha", "beta"],
    }
}

/// `sample(population, k)`: CPython's choice of indices, then the population's items at them.
fn sample(cell: &Mutex<Option<Random>>, args: Args) -> Eval {
    let [population, k, counts] = params("sample", args, ["population", "k", "counts"], 2)?;
    if counts.is_some_and(|c| !matches!(c, Value::None)) {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "sample(counts=) is not supported in scenarios yet",
        ));
    }
    let population = population.expect("required");
    if !is_sequence(&population) {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = length(&population)?;
    let k = int_arg(&k.expect("required"))?;
    // The picks and the list of them are built for all `k` at once.
    if let Ok(k) = usize::try_from(k) {
        drop(crate::lang::alloc::vec_with_capacity::<Value>(k.min(n))?);
    }
    let picked = with(cell, |r| r.sample_indices(n, k)).map_err(raise)?;
    items_at(&population, picked)
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn choices(cell: &Mutex<Option<Random>>, args: Args) -> Eval {
    let [population, weights, cum_weights, k] = params(
        "choices",
        args,
        ["population", "weights", "cum_weights", "k"],
        1,
    )?;
    let population = population.expect("required");
    let n = length(&population)?;
    let floats = |v: Option<Value>| -> Eval<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => ops::to_vec(&v)?
                .iter()
                .map(|w| float_arg(w, "choices"))
                .collect::<Eval<Vec<f64>>>()
                .map(Some),
        }
    };
    let (weights, cum_weights) = (floats(weights)?, floats(cum_weights)?);
    let k = k.map_or(Ok(1), |k| int_arg(&k))?;
    let k = usize::try_from(k).unwrap_or(0);
    // The picks and the list of them are built for all `k` at once.
    drop(crate::lang::alloc::vec_with_capacity::<Value>(k)?);
    let picked = with(cell, |r| {
        r.choices(n, weights.as_deref(), cum_weights.as_deref(), k)
    })
    .map_err(raise)?;
    items_at(&population, picked)
}

/// A list of `population[i]` for each index.
fn items_at(population: &Value, indices: Vec<usize>) -> Eval {
    let items = indices
        .into_iter()
        .map(|i| ops::get_item(population, &Value::Int(i as i64)))
        .collect::<Eval<Vec<Value>>>()?;
    Ok(Value::list(items))
}

fn is_sequence(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    )
}

/// `len(v)` as a count of items.
fn length(v: &Value) -> Eval<usize> {
    match crate::lang::builtins::len(v)? {
        Value::Int(n) => Ok(n as usize),
        other => unreachable!("len() gave {}", other.type_name()),
    }
}

/// A generator for `seed(a)` / `Random(a)`, as CPython seeds: from the OS for `None`, from the
/// value for ints and floats, from the bytes and their SHA-512 for `str` and `bytes`.
fn seeded(a: Option<Value>) -> Eval<Random> {
    Ok(match a {
        None | Some(Value::None) => Random::from_entropy(),
        Some(Value::Int(i)) => Random::from_int(i),
        Some(Value::Bool(b)) => Random::from_int(i64::from(b)),
        Some(Value::Float(f)) => Random::from_float(f),
        Some(Value::Str(s)) => from_bytes(s.as_bytes()),
        Some(Value::Bytes(b)) => from_bytes(&b),
        Some(_) => {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    })
}

fn from_bytes(data: &[u8]) -> Random {
    Random::from_str_bytes(data, Sha512::digest(data).into())
}

/// Binds `args` to `names` as a Python signature `Random.name(self, names...)` would, the first
/// `required` of them required.
fn params<const N: usize>(
    function: &str,
    mut args: Args,
    names: [&str; N],
    required: usize,
) -> Eval<[Option<Value>; N]> {
    let qualified = format!("Random.{function}()");
    if args.pos.len() > N {
        let message = if N == 0 {
            format!("{qualified} takes no arguments ({} given)", args.pos.len())
        } else {
            format!(
                "{qualified} takes {} positional arguments but {} were given",
                N + 1,
                args.pos.len() + 1
            )
        };
        return Err(Ctrl::raise(ExcKind::TypeError, message));
    }
    let mut bound: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (slot, value) in bound.iter_mut().zip(args.pos.drain(..)) {
        *slot = Some(value);
    }
    for (name, value) in args.kw.drain(..) {
        let Some(ix) = names.iter().position(|n| **n == *name) else {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{qualified} got an unexpected keyword argument '{name}'"),
            ));
        };
        if bound[ix].is_some() {
            return Err(Ctrl::raise(
                ExcKind::TypeError,
                format!("{qualified} got multiple values for argument '{name}'"),
            ));
        }
        bound[ix] = Some(value);
    }
    if let Some(missing) = (0..required).find(|&i| bound[i].is_none()) {
        return Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "{qualified} missing 1 required positional argument: '{}'",
                names[missing]
            ),
        ));
    }
    Ok(bound)
}

fn int_arg(v: &Value) -> Eval<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        other => Err(Ctrl::raise(
            ExcKind::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
    }
}

/// An argument of `randrange`: an int, or a float with an integral value (CPython 3.11 still
/// takes those, with a deprecation warning).
fn range_arg(v: &Value, position: u32) -> Eval<i64> {
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(*f as i64),
        Value::Float(_) => Err(Ctrl::raise(
            ExcKind::ValueError,
            format!("non-integer arg {position} for randrange()"),
        )),
        other => int_arg(other),
    }
}

/// The exception CPython raises for a [`mersenne::RandomError`].
fn raise(e: mersenne::RandomError) -> Ctrl {
    let kind = ExcKind::by_name(e.kind.name()).unwrap_or(ExcKind::ValueError);
    Ctrl::raise(kind, e.message)
}
