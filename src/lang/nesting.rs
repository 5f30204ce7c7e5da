//! How deeply a scenario nests, checked on its text before it is parsed.
//!
//! ruff's parser recurses once per nesting level and needs, measured, about 2.3 KiB of stack
//! per bracket, 3.6 KiB per nested f-string, 1.2 KiB per unary operator or `not`, 0.9 KiB per
//! `**` and 0.8 KiB per `lambda`. Left-associative chains (`1+1+...`, `a.b.c`, `f()()`) cost it
//! nothing, and dropping their syntax tree costs 64 bytes per level. This scan bounds what the
//! parser can be asked for, with CPython's own limits and errors:
//!
//! - brackets (and f-string replacement fields) nested more than 200 deep:
//!   `SyntaxError: too many nested parentheses`;
//! - more than 99 levels of indentation: `IndentationError: too many levels of indentation`;
//! - runs of prefix operators (`-`, `+`, `~`, `not`, `await`, `lambda ...:`) and chains of
//!   `**` that alone nest deeper than the compiler accepts: the `RecursionError` the compiler
//!   would raise ([`MAX_DEPTH`]).
//!
//! The scan only ever reports nesting it is sure of, so everything it lets through is judged
//! by the parser and the compiler as before.

use super::compile::Lines;
use super::SyntaxError;

/// How deep the syntax tree may nest (a module's statements are at depth 1), as in CPython,
/// whose compiler refuses deeper trees with a `RecursionError`.
pub const MAX_DEPTH: usize = 3000;
/// CPython's `MAXLEVEL`: how deeply brackets may nest.
const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`: how many indentation levels the tokenizer keeps, the first included.
const MAX_INDENTS: usize = 100;

/// Refuses `source` if it nests beyond the limits above.
pub fn check(source: &str) -> Result<(), SyntaxError> {
    Scanner::new(source).run().map_err(|(what, offset)| {
        let at = Lines::new(source).locate(offset);
        match what {
            Refusal::Brackets => SyntaxError::at("syntax", "too many nested parentheses", at),
            Refusal::Indentation => SyntaxError::at("syntax", "too many levels of indentation", at),
            Refusal::Depth => SyntaxError::too_deep(at),
        }
    })
}

enum Refusal {
    Brackets,
    Indentation,
    Depth,
}

type Scan<T = ()> = Result<T, (Refusal, usize)>;

/// What the expression being read has nested so far, at one bracket level.
#[derive(Clone, Copy, Default)]
struct Chain {
    /// Depth of the enclosing brackets' expressions.
    base: usize,
    /// Prefix operators since the last operand: `- - not 1` nests three deep.
    run: usize,
    /// The prefix operators that applied to the last operand, which a following `**` nests.
    operand_prefix: usize,
    /// The nesting of a chain of `**`, which is right-associative.
    power: usize,
    /// Whether the last token ended an operand (so `-` after it is binary).
    after_operand: bool,
    /// Inside `lambda`'s parameters, which nest nothing, until its `:`.
    lambda_params: bool,
}

impl Chain {
    fn depth(&self) -> usize {
        self.base + self.power + self.run
    }

    /// A token that ends the expression chain: a binary operator, a comma, a keyword.
    fn reset(&mut self) {
        *self = Chain {
            base: self.base,
            ..Chain::default()
        };
    }
}

/// Where the scan is: code inside brackets, or the parts of an f-string.
enum Frame {
    Bracket {
        saved: Chain,
    },
    /// A replacement field of an f-string; `spec` once its format spec began.
    Field {
        saved: Chain,
        spec: bool,
    },
    FString {
        quote: char,
        triple: bool,
    },
}

struct Scanner<'s> {
    source: &'s str,
    chars: Vec<(usize, char)>,
    i: usize,
    frames: Vec<Frame>,
    chain: Chain,
    indents: Vec<usize>,
}

impl<'s> Scanner<'s> {
    fn new(source: &'s str) -> Scanner<'s> {
        Scanner {
            source,
            chars: source.char_indices().collect(),
            i: 0,
            frames: Vec::new(),
            chain: Chain::default(),
            indents: vec![0],
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(_, c)| c)
    }

    fn offset(&self) -> usize {
        self.chars
            .get(self.i)
            .map_or(self.source.len(), |&(o, _)| o)
    }

    fn brackets(&self) -> usize {
        self.frames
            .iter()
            .filter(|f| !matches!(f, Frame::FString { .. }))
            .count()
    }

    fn run(mut self) -> Scan {
        self.line_start()?;
        while self.i < self.chars.len() {
            match self.frames.last() {
                Some(Frame::FString { .. }) | Some(Frame::Field { spec: true, .. }) => {
                    self.literal_part()?
                }
                _ => self.code()?,
            }
        }
        Ok(())
    }

    /// Measures the indentation of a logical line that begins at `self.i`.
    fn line_start(&mut self) -> Scan {
        let mut column = 0;
        while let Some(c) = self.peek(0) {
            match c {
                ' ' => column += 1,
                '\t' => column = (column / 8 + 1) * 8,
                '\x0c' => column = 0,
                _ => break,
            }
            self.i += 1;
        }
        if matches!(self.peek(0), None | Some('\n' | '\r' | '#')) {
            return Ok(());
        }
        if column > *self.indents.last().unwrap_or(&0) {
            if self.indents.len() >= MAX_INDENTS {
                return Err((Refusal::Indentation, self.offset()));
            }
            self.indents.push(column);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&top| top > column) {
                self.indents.pop();
            }
        }
        Ok(())
    }

    fn code(&mut self) -> Scan {
        let Some(c) = self.peek(0) else {
            return Ok(());
        };
        match c {
            ' ' | '\t' | '\x0c' | '\r' => self.i += 1,
            '\\' if self.peek(1) == Some('\n') => self.i += 2,
            '\n' => {
                self.i += 1;
                if self.brackets() == 0 {
                    self.chain = Chain::default();
                    self.line_start()?;
                }
            }
            '#' => {
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
            }
            '\'' | '"' => self.string("")?,
            c if c.is_ascii_digit()
                || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                self.number();
                self.operand()?;
            }
            c if c == '_' || c.is_alphabetic() || !c.is_ascii() => self.word()?,
            '(' | '[' | '{' => {
                self.i += 1;
                self.open(false)?;
            }
            ')' | ']' | '}' => {
                self.i += 1;
                self.close(c == '}')?;
            }
            _ => self.operator(c)?,
        }
        Ok(())
    }

    /// A name, a keyword, or the prefix of a string literal.
    fn word(&mut self) -> Scan {
        let start = self.i;
        while self
            .peek(0)
            .is_some_and(|c| c == '_' || c.is_alphanumeric() || !c.is_ascii())
        {
            self.i += 1;
        }
        let word: String = self.chars[start..self.i].iter().map(|&(_, c)| c).collect();
        if matches!(self.peek(0), Some('\'' | '"')) && is_string_prefix(&word) {
            return self.string(&word);
        }
        if self.chain.lambda_params {
            return Ok(());
        }
        match word.as_str() {
            "not" | "await" => self.prefix(),
            "lambda" => {
                self.prefix();
                self.chain.lambda_params = true;
            }
            "None" | "True" | "False" => self.operand()?,
            _ if is_keyword(&word) => self.chain.reset(),
            _ => self.operand()?,
        }
        Ok(())
    }

    fn prefix(&mut self) {
        self.chain.run += 1;
        self.chain.after_operand = false;
    }

    /// The end of an operand: the prefix operators before it nest it, and so far no deeper.
    fn operand(&mut self) -> Scan {
        if self.chain.lambda_params {
            return Ok(());
        }
        // The operand sits below its prefix operators, inside a statement: two more levels.
        if self.chain.depth() + 2 > MAX_DEPTH {
            return Err((Refusal::Depth, self.offset()));
        }
        self.chain.operand_prefix = self.chain.run;
        self.chain.run = 0;
        self.chain.after_operand = true;
        Ok(())
    }

    fn number(&mut self) {
        let hex = self.peek(0) == Some('0') && matches!(self.peek(1), Some('x' | 'X'));
        while let Some(c) = self.peek(0) {
            let exponent_sign = matches!(c, '+' | '-')
                && !hex
                && self.i > 0
                && matches!(self.chars[self.i - 1].1, 'e' | 'E');
            if !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || exponent_sign) {
                break;
            }
            self.i += 1;
        }
    }

    /// An opening bracket, or the `{` of an f-string replacement field.
    fn open(&mut self, field: bool) -> Scan {
        if self.brackets() >= MAX_BRACKETS {
            return Err((Refusal::Brackets, self.offset().saturating_sub(1)));
        }
        let saved = self.chain;
        self.chain = Chain {
            base: saved.depth(),
            ..Chain::default()
        };
        self.frames.push(if field {
            Frame::Field { saved, spec: false }
        } else {
            Frame::Bracket { saved }
        });
        Ok(())
    }

    /// A closing bracket (or the `}` ending a replacement field): what it closes is an operand.
    fn close(&mut self, brace: bool) -> Scan {
        let saved = match self.frames.last() {
            Some(Frame::Bracket { saved }) => *saved,
            Some(Frame::Field { saved, .. }) if brace => *saved,
            _ => return Ok(()),
        };
        self.frames.pop();
        self.chain = saved;
        self.operand()
    }

    fn operator(&mut self, c: char) -> Scan {
        let next = self.peek(1);
        self.i += 1;
        if self.chain.lambda_params {
            if c == ':' {
                self.chain.lambda_params = false;
            }
            return Ok(());
        }
        match c {
            '*' if next == Some('*') => {
                self.i += 1;
                if self.chain.after_operand {
                    self.chain.power += self.chain.operand_prefix + 1;
                    self.chain.run = 0;
                    self.chain.operand_prefix = 0;
                    self.chain.after_operand = false;
                } else {
                    self.chain.reset();
                }
            }
            '-' | '+' | '~' if !self.chain.after_operand => self.prefix(),
            '.' if next == Some('.') && self.peek(1) == Some('.') => {
                self.i += 2;
                self.operand()?;
            }
            // Attribute access continues the operand it follows.
            '.' => {}
            ':' if matches!(self.frames.last(), Some(Frame::Field { spec: false, .. })) => {
                if let Some(Frame::Field { spec, .. }) = self.frames.last_mut() {
                    *spec = true;
                }
            }
            _ => self.chain.reset(),
        }
        Ok(())
    }

    /// A string literal starting at its opening quote, after `prefix` (`r`, `b`, `f`...).
    fn string(&mut self, prefix: &str) -> Scan {
        let prefix = prefix.to_ascii_lowercase();
        let quote = self.peek(0).unwrap_or('"');
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        self.i += if triple { 3 } else { 1 };
        if prefix.contains('f') || prefix.contains('t') {
            self.frames.push(Frame::FString { quote, triple });
            return Ok(());
        }
        while let Some(c) = self.peek(0) {
            match c {
                '\\' => self.i += 2,
                '\n' if !triple => break,
                c if c == quote
                    && (!triple
                        || (self.peek(1) == Some(quote) && self.peek(2) == Some(quote))) =>
                {
                    self.i += if triple { 3 } else { 1 };
                    break;
                }
                _ => self.i += 1,
            }
        }
        self.operand()
    }

    /// The literal text of an f-string, or the format spec of one of its fields.
    fn literal_part(&mut self) -> Scan {
        let Some(c) = self.peek(0) else {
            return Ok(());
        };
        let in_spec = matches!(self.frames.last(), Some(Frame::Field { spec: true, .. }));
        match c {
            '{' if self.peek(1) == Some('{') && !in_spec => self.i += 2,
            '}' if self.peek(1) == Some('}') && !in_spec => self.i += 2,
            '{' => {
                self.i += 1;
                self.open(true)?;
            }
            '}' if in_spec => {
                self.i += 1;
                self.close(true)?;
            }
            '\\' => self.i += 2,
            _ => {
                let Some(&Frame::FString { quote, triple }) = self.frames.last() else {
                    self.i += 1;
                    return Ok(());
                };
                let closes = c == quote
                    && (!triple || (self.peek(1) == Some(quote) && self.peek(2) == Some(quote)));
                if closes || (c == '\n' && !triple) {
                    self.i += if closes && triple { 3 } else { 1 };
                    self.frames.pop();
                    return self.operand();
                }
                self.i += 1;
            }
        }
        Ok(())
    }
}

/// Whether `word` may precede a quote to make a string literal (`rb"..."`, `f'...'`).
fn is_string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf" | "t" | "tr" | "rt"
    )
}

/// Python's keywords that are neither operands nor prefix operators.
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "as"
            | "assert"
            | "async"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "nonlocal"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

#[cfg(test)]
mod tests {
    use crate::lang::testing;

    /// Compiles `source` as the server does: `Ok(())`, or the error's kind, line and message.
    fn compiled(source: String) -> Result<(), (String, u32, String)> {
        testing::compile(&source)
            .map(drop)
            .map_err(|e| (e.kind.to_string(), e.line, e.message))
    }

    fn kind(r: Result<(), (String, u32, String)>) -> String {
        match r {
            Ok(()) => "ok".into(),
            Err((kind, _, _)) => kind,
        }
    }

    #[test]
    fn brackets_nest_200_deep_as_in_cpython() {
        let ok = format!("x = [{}{}]\n", "[".repeat(199), "]".repeat(199));
        assert_eq!(kind(compiled(ok)), "ok");
        let deep = format!(
            "x = 1\ny = {}\n{}1{}\n",
            "(".repeat(150),
            "(".repeat(100),
            ")".repeat(250)
        );
        assert_eq!(
            compiled(deep),
            Err((
                "syntax".into(),
                3,
                "too many nested parentheses (line 3)".into()
            ))
        );
        let field = format!("x = f'{{{}1{}}}'\n", "(".repeat(200), ")".repeat(200));
        assert_eq!(kind(compiled(field)), "syntax");
        let in_string = format!("x = '{}' # {}\n", "(".repeat(300), "[".repeat(300));
        assert_eq!(kind(compiled(in_string)), "ok");
    }

    #[test]
    fn indentation_nests_99_levels_as_in_cpython() {
        let nested = |levels: usize| {
            let mut s = String::new();
            for i in 0..levels {
                s += &format!("{}if 1:\n", " ".repeat(i));
            }
            s + &format!("{}pass\n", " ".repeat(levels))
        };
        assert_eq!(kind(compiled(nested(99))), "ok");
        assert_eq!(
            compiled(nested(100)),
            Err((
                "syntax".into(),
                101,
                "too many levels of indentation (line 101)".into()
            ))
        );
    }

    #[test]
    fn expressions_nest_as_deep_as_in_cpython() {
        let minus = |n: usize| format!("x = {}1\n", "-".repeat(n));
        assert_eq!(kind(compiled(minus(2998))), "ok");
        assert_eq!(
            compiled(minus(2999)),
            Err((
                "recursion".into(),
                1,
                "maximum recursion depth exceeded during compilation (line 1)".into()
            ))
        );
        let sum = |n: usize| format!("x = {}\n", vec!["1"; n].join("+"));
        assert_eq!(kind(compiled(sum(2999))), "ok");
        assert_eq!(kind(compiled(sum(3000))), "recursion");
        let listed = |n: usize| format!("def f():\n    return [{}1]\n", "-".repeat(n));
        assert_eq!(kind(compiled(listed(2996))), "ok");
        assert_eq!(kind(compiled(listed(2997))), "recursion");
    }

    #[test]
    fn expressions_nested_2050_deep_compile_and_run() {
        let n = 2050;
        let source = format!(
            "def f():\n    return f\n\na = [0]\na[0] = a\nprint({}1, {}1, {})\n\
             g = {}7\nprint(f{} is f, a{} is a, g{})\ntry:\n    'x'{}\n\
             except AttributeError as e:\n    print(e)\n",
            "-".repeat(n),
            "not ".repeat(n),
            vec!["1"; n].join("+"),
            "lambda: ".repeat(n),
            "()".repeat(n),
            "[0]".repeat(n),
            "()".repeat(n),
            ".b".repeat(n),
        );
        assert_eq!(
            testing::outcome(&source),
            "1 True 2050\nTrue True 7\n'str' object has no attribute 'b'\n"
        );
    }

    #[test]
    fn pathological_sources_of_256_kib_compile_or_are_refused() {
        const SIZE: usize = 256 << 10;
        let cases = [
            (format!("x = {}1\n", "-".repeat(250_000)), "recursion"),
            (format!("x = {}1\n", "not ".repeat(60_000)), "recursion"),
            (
                format!("x = {}{}\n", "[".repeat(120_000), "]".repeat(120_000)),
                "syntax",
            ),
            (format!("x = {}1\n", "lambda: ".repeat(30_000)), "recursion"),
            (format!("x = {}1\n", "1**".repeat(80_000)), "recursion"),
            (format!("x = {}1\n", "1+".repeat(120_000)), "recursion"),
            (format!("x = a{}\n", ".b".repeat(120_000)), "recursion"),
            (format!("x = f{}\n", "()".repeat(120_000)), "recursion"),
            (format!("x = a{}\n", "[0]".repeat(80_000)), "recursion"),
            (
                format!("x = {}2\n", "1 if 0 else ".repeat(20_000)),
                "recursion",
            ),
            (
                format!("x = {}1{}\n", "f'{".repeat(40_000), "}'".repeat(40_000)),
                "syntax",
            ),
            (format!("x = [{}]\n", "-1, ".repeat(60_000)), "ok"),
        ];
        for (source, want) in cases {
            assert!(source.len() <= SIZE, "{} bytes", source.len());
            let head: String = source.chars().take(12).collect();
            assert_eq!(kind(compiled(source)), want, "{head}...");
        }
    }
}
