//! Shared by the benchmarks: a timing loop (one warm-up round, then the median of several
//! rounds), a Markdown table printer, and the machine description every report starts with.

/// Runs one warm-up round of `measure`, then `runs` rounds, and returns the median of each
/// quantity a round measures. A round measures its quantities one right after another, so a
/// slow patch of the machine (a virtual machine's neighbours, say) weighs on all of them alike.
pub fn medians<const N: usize>(runs: usize, mut measure: impl FnMut() -> [f64; N]) -> [f64; N] {
    measure();
    let rounds: Vec<[f64; N]> = (0..runs).map(|_| measure()).collect();
    std::array::from_fn(|i| {
        let mut samples: Vec<f64> = rounds.iter().map(|round| round[i]).collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    })
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
