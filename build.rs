//! Rebuilds when a file is added to `static/`, so the embedded front end is always complete.
fn main() {
    println!("cargo:rerun-if-changed=static");
}
