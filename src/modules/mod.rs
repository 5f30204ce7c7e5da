//! Library modules written against the interpreter's object model, one file each: what a
//! scenario imports beyond the language itself.

//!
//! A module is one file here with a `MODULE` constant (its name and its attributes) and one
//! line in [`REGISTRY`]; `import` and `from ... import` find it there.

use crate::lang::value::ModuleDef;

pub mod asyncio;
pub mod collections;
pub mod concurrent;
pub mod contextlib;
pub mod dataclasses;
mod dict_kinds;
pub mod functools;
pub mod hashlib;
pub mod itertools;
pub mod math;
pub mod mersenne;
pub mod multiprocessing;
pub mod operator;
pub mod os;
pub mod random;
pub mod string;
pub mod sys;
mod tasks;
pub mod threading;
pub mod time;
pub mod typing;

/// Every module a scenario may import.
pub static REGISTRY: &[ModuleDef] = &[
    asyncio::MODULE,
    time::MODULE,
    threading::MODULE,
    sys::MODULE,
    os::MODULE,
    multiprocessing::MODULE,
    concurrent::MODULE,
    concurrent::FUTURES,
    hashlib::MODULE,
    random::MODULE,
    functools::MODULE,
    dataclasses::MODULE,
    typing::MODULE,
    math::MODULE,
    operator::MODULE,
    itertools::MODULE,
    collections::MODULE,
    contextlib::MODULE,
    string::MODULE,
];

#[cfg(test)]
mod tests {
    use super::REGISTRY;
    use crate::exec::testing::compile;
    use crate::lang::builtins::Builtin;
    use crate::lang::value::Module;

    fn refusal(source: &str) -> String {
        match compile(source) {
            Ok(_) => panic!("compiled:\n{source}"),
            Err(e) => format!("{}: {}", e.kind, e.message),
        }
    }

    /// The README's section on the scenario language.
    fn language_section() -> &'static str {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("## The scenario language")
            .expect("the README has a language section");
        let section = &readme[start..];
        &section[..section[3..]
            .find("\n## ")
            .map_or(section.len(), |end| end + 3)]
    }

    /// The README's language section says what scenarios may import; it must not drift from
    /// what they can.
    #[test]
    fn the_readme_describes_every_importable_module() {
        let section = language_section();
        for module in REGISTRY.iter().map(Module::of) {
            let name = module.name();
            assert!(
                section.contains(&format!("`{name}`")) || section.contains(&format!("`{name}.")),
                "the README's language section does not mention `{name}`"
            );
        }
    }

    #[test]
    fn the_readme_lists_every_builtin_function() {
        let section = language_section();
        for name in Builtin::global_names() {
            assert!(
                ["`{}`", "`{}(", "`@{}"]
                    .iter()
                    .any(|shape| section.contains(&shape.replace("{}", name))),
                "the README's language section does not list the builtin `{name}`"
            );
        }
    }

    #[test]
    fn a_name_a_known_module_lacks_is_refused_before_the_run() {
        assert_eq!(
            refusal("import asyncio\nprint(1)\n\n\nasync def main():\n    asyncio.Queue()\n"),
            "unsupported: `asyncio.Queue` is not supported in scenarios yet (line 6)"
        );
        assert_eq!(
            refusal("import concurrent.futures as cf\nx = cf.futures if 0 else cf.Nope\n"),
            "unsupported: `concurrent.futures.futures` is not supported in scenarios yet (line 2)"
        );
        // A name bound another way, or a local of the same name, is not the module.
        for source in [
            "import time\ntime = None\nprint(time.nothing if time else 1)\n",
            "import math\ndef f(math):\n    return math.nothing\nprint(math.pi)\n",
            "import math as m\nfor m in [1]:\n    pass\nprint(m.real)\n",
        ] {
            assert!(compile(source).is_ok(), "refused:\n{source}");
        }
    }
}
