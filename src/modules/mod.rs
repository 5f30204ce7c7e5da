//! Library modules written against the interpreter's object model, one file each: what a
//! scenario imports beyond the language itself.

pub mod dataclasses;
pub mod functools;
pub mod math;
pub mod mersenne;
pub mod random;
pub mod time;
pub mod typing;

#[cfg(test)]
mod tests {
    use crate::lang::value::Module;

    /// The README's language section says what scenarios may import; it must not drift from
    /// what they can.
    #[test]
    fn the_readme_describes_every_importable_module() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("## The scenario language")
            .expect("the README has a language section");
        let section = &readme[start..];
        let section = &section[..section[3..]
            .find("\n## ")
            .map_or(section.len(), |end| end + 3)];
        for module in Module::ALL {
            let name = module.name();
            assert!(
                section.contains(&format!("`{name}`")) || section.contains(&format!("`{name}.")),
                "the README's language section does not mention `{name}`"
            );
        }
    }
}
