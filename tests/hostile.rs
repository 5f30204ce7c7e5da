//! Programs written to break the server (`tests/hostile/*.py`: deep nesting, huge allocations,
//! overflows, NaN and infinity, self-reference, floods of events, tasks, threads, processes and
//! output, and the same inside threads, pool jobs and child processes), run one after another
//! against one real `interleave serve` process, as strangers would post them.
//!
//! Each file says what it must come to in its first lines: `# expect:` `ok`, `error`, `limit`,
//! `refused` (400 before it runs) or `out-of-memory` (a `MemoryError` where the allocation that
//! failed could fail softly, else status `limit` naming the memory limit: which allocation goes
//! past the budget first is up to the program), `# says:` a piece of its output (for `ok`, `\n`
//! for a newline) or of its error, and optionally `# time_limit:` in seconds (3 by default).
//! Throughout, the server must stay up and under 300 MB of memory; each run must end within its
//! time limit and 2 s; afterwards no process of any run may be left, and as many ordinary runs
//! as the server allows at once must all end `ok`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::server::Client;
use serde_json::{json, Value};

const DEFAULT_TIME_LIMIT: f64 = 3.0;
const MAX_RSS_BYTES: u64 = 300 << 20;
/// A run ends within its time limit and this.
const ENDS_WITHIN: Duration = Duration::from_secs(2);
/// Runs the server allows at once (its default).
const RUNS_AT_ONCE: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Ok,
    Error,
    Limit,
    Refused,
    OutOfMemory,
}

#[derive(Debug)]
struct Hostile {
    name: String,
    source: String,
    expect: Expect,
    says: String,
    time_limit: f64,
}

fn header<'a>(source: &'a str, key: &str) -> Option<&'a str> {
    source
        .lines()
        .take_while(|line| line.starts_with('#'))
        .find_map(|line| line.strip_prefix(&format!("# {key}: ")))
}

fn programs() -> Vec<Hostile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/hostile is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let source = std::fs::read_to_string(&path).expect("readable");
            let expect = match header(&source, "expect") {
                Some("ok") => Expect::Ok,
                Some("error") => Expect::Error,
                Some("limit") => Expect::Limit,
                Some("refused") => Expect::Refused,
                Some("out-of-memory") => Expect::OutOfMemory,
                other => {
                    panic!("{name}: `# expect:` must be ok, error, limit or refused, not {other:?}")
                }
            };
            let says = header(&source, "says")
                .unwrap_or_else(|| panic!("{name}: no `# says:` line"))
                .replace("\\n", "\n");
            let time_limit = header(&source, "time_limit").map_or(DEFAULT_TIME_LIMIT, |t| {
                t.parse().expect("a number of seconds")
            });
            Hostile {
                name,
                source,
                expect,
                says,
                time_limit,
            }
        })
        .collect()
}

/// `interleave serve` on a free port with its snapshots in `data`; the process and its address.
fn start_server(data: &Path) -> (Child, std::net::SocketAddr) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_interleave"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = server.stdout.take().expect("piped");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("the server says where it listens")
            .expect("a line");
        if let Some(rest) = line.strip_prefix("Interleave listening on http://") {
            break rest.trim_end_matches('/').parse().expect("an address");
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (server, addr)
}

/// Samples the resident memory of process `pid` every 20 ms; the largest seen.
fn watch_memory(pid: u32, stop: Arc<AtomicBool>) -> Arc<AtomicU64> {
    let peak = Arc::new(AtomicU64::new(0));
    let seen = peak.clone();
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            if let Some(bytes) = resident_bytes(pid) {
                seen.fetch_max(bytes, Ordering::Relaxed);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    peak
}

fn resident_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches(" kB")
        .trim()
        .parse::<u64>()
        .ok()?;
    Some(kb * 1024)
}

/// The processes descended from `ancestor`.
fn descendants(ancestor: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .expect("/proc is readable")
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_string_lossy().parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let after_name = stat.rsplit_once(')')?.1;
            let ppid = after_name.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = vec![ancestor];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    found.split_off(1)
}

/// The `end` message of run `id`'s stream.
async fn end_of(client: &Client, id: &str) -> Value {
    let messages = client.whole_stream(id).await;
    let end = messages.last().expect("the stream ends with a message");
    assert_eq!(end.event, "end", "the stream closes with `end`");
    end.data.clone()
}

/// What run `id` printed, from its trace document.
async fn stdout_of(client: &Client, id: &str) -> String {
    let doc = client.get(&format!("/api/runs/{id}")).await.json();
    doc["output"]
        .as_array()
        .expect("an output array")
        .iter()
        .map(|o| o["text"].as_str().expect("a text"))
        .collect()
}

/// Posts `program`, follows it to its end and checks it came to what it says. A failure message
/// on mismatch.
async fn check(client: &Client, program: &Hostile) -> Result<(), String> {
    let name = &program.name;
    let body = json!({
        "source": program.source,
        "options": { "time_limit_s": program.time_limit },
    });
    let posted = Instant::now();
    let reply = client.post("/api/runs", body).await;
    let answer = reply.json();
    if program.expect == Expect::Refused {
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        return (reply.status.as_u16() == 400 && message.contains(&program.says))
            .then_some(())
            .ok_or_else(|| {
                format!(
                    "{name}: expected a 400 saying {:?}, got {} {answer}",
                    program.says, reply.status
                )
            });
    }
    if reply.status.as_u16() != 201 {
        return Err(format!("{name}: not started: {} {answer}", reply.status));
    }
    let id = answer["id"].as_str().expect("an id").to_string();
    let end = end_of(client, &id).await;
    let took = posted.elapsed();
    let allowed = Duration::from_secs_f64(program.time_limit) + ENDS_WITHIN;
    if took > allowed {
        return Err(format!(
            "{name}: ended after {took:?}, more than {allowed:?}"
        ));
    }
    let status = end["status"].as_str().unwrap_or_default();
    let error = &end["error"];
    let error_line = format!(
        "{}: {}",
        error["kind"].as_str().unwrap_or_default(),
        error["message"].as_str().unwrap_or_default()
    );
    let (wanted, said) = match program.expect {
        Expect::Ok => ("ok", stdout_of(client, &id).await),
        Expect::Error => ("error", error_line),
        Expect::Limit => ("limit", error_line),
        // Both ways of running out say `MemoryError`: raised, or the limit's own kind.
        Expect::OutOfMemory if status == "limit" => ("limit", error_line),
        Expect::OutOfMemory => ("error", error_line),
        Expect::Refused => unreachable!("handled above"),
    };
    if status != wanted || !said.contains(&program.says) {
        return Err(format!(
            "{name}: expected {wanted} with {:?}, got {status} with {said:?}",
            program.says
        ));
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_programs_do_not_hurt_the_server_or_anyone_else() {
    let programs = programs();
    assert!(
        programs.len() >= 40,
        "only {} hostile programs",
        programs.len()
    );
    let data = tempfile::TempDir::new().expect("a temp dir");
    let (mut server, addr) = start_server(data.path());
    let client = Client { addr };
    let stop = Arc::new(AtomicBool::new(false));
    let peak = watch_memory(server.id(), stop.clone());

    let mut failures = Vec::new();
    for program in &programs {
        if let Err(failure) = check(&client, program).await {
            failures.push(failure);
        }
        assert!(
            server.try_wait().expect("the server's status").is_none(),
            "the server died after {}",
            program.name
        );
    }
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );

    let deadline = Instant::now() + Duration::from_secs(5);
    while !descendants(server.id()).is_empty() {
        assert!(
            Instant::now() < deadline,
            "processes of runs are left: {:?}",
            descendants(server.id())
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let ordinary = json!({ "scenario": "gather" });
    let ids: Vec<String> = futures_util::future::join_all(
        (0..RUNS_AT_ONCE).map(|_| client.start_run(ordinary.clone())),
    )
    .await;
    for id in &ids {
        let end = end_of(&client, id).await;
        assert_eq!(
            end["status"], "ok",
            "an ordinary run after the hostile ones: {end}"
        );
    }

    stop.store(true, Ordering::Relaxed);
    let peak = peak.load(Ordering::Relaxed);
    println!(
        "{} hostile programs; the server's memory peaked at {} MiB",
        programs.len(),
        peak >> 20
    );
    assert!(
        peak < MAX_RSS_BYTES,
        "the server's memory reached {} MiB",
        peak >> 20
    );
    // SAFETY: a plain system call to our own child, not yet reaped.
    unsafe { libc::kill(server.id() as libc::pid_t, libc::SIGTERM) };
    let status = server.wait().expect("the server exits");
    assert!(status.success(), "the server ended with {status}");
}
