//! Shared by the benchmarks: a timing loop (one warm-up, then the median of several runs), a
//! Markdown table printer, and the machine description every report starts with.

/// Calls `measure` once to warm up, then `runs` times, and returns the median of its results.
pub fn median<T: Copy + PartialOrd>(runs: usize, mut measure: impl FnMut() -> T) -> T {
    measure();
    let mut samples: Vec<T> = (0..runs).map(|_| measure()).collect();
    samples.sort_by(|a, b| a.partial_cmp(b).expect("samples are comparable"));
    samples[samples.len() / 2]
}

/// Prints a Markdown table.
pub fn print_table(header: &[&str], rows: &[Vec<String>]) {
    println!("| {} |", header.join(" | "));
    println!("|{}", "---|".repeat(header.len()));
    for row in rows {
        println!("| {} |", row.join(" | "));
    }
}

/// Prints the number of cores and the CPU model, from `/proc/cpuinfo` where there is one.
pub fn print_machine() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .map_or("unknown CPU", |rest| {
            rest.trim_start_matches([' ', '\t', ':'])
        });
    println!("machine: {cores} cores, {model}\n");
}
