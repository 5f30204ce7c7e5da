//! The `interleave` command: `serve` the web app, or `run` one scenario headless.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use interleave::exec::supervisor::CRASHED;
use interleave::exec::{self, RunOptions, StartError};
use interleave::lang::{self, SyntaxError};
use interleave::modules;
use interleave::record::log::RunLog;
use interleave::store::{self, Store, StoreLimits};
use interleave::trace::document::{human_duration, RunMeta, Summary, TraceDocument};
use interleave::trace::event::{DiagnosticKind, RunError, RunStatus};
use interleave::web::{self, Access, AppState, Limits};

const DEFAULT_ADDR: &str = "127.0.0.1:7878";

const USAGE: &str = "\
Interleave: run Python asyncio scenarios for real and watch their timeline.

Usage:
  interleave serve [--addr ADDR] [--data-dir DIR] [--allow-host NAME]... [--allow-origin URL]...
                   [--max-store-mb N]
      Serve the web app (default address 127.0.0.1:7878, or $INTERLEAVE_ADDR).
      Shared snapshots are saved in DIR/interleave.db; DIR defaults to $INTERLEAVE_DATA,
      else $XDG_DATA_HOME/interleave, else ~/.local/share/interleave, else ./interleave-data.
      The database holds at most N MiB (default 1024).
      Requests must name this server as localhost, 127.0.0.1 or [::1] (or the address it
      listens on); --allow-host NAME lets them name NAME too (* for any name), for a class
      that reaches the server by its name. Runs and snapshots are started only from this
      server's own pages; --allow-origin URL allows the pages of URL too (* for any).
  interleave run FILE.py [--json] [--time-limit SECS]
      Run a scenario without the server: its output goes to stdout, a summary to stderr.
      --json prints the trace document instead of the output.
      Exit status: 0 ok, 1 a Python error or a limit, 2 a syntax or unsupported construct,
      130 interrupted.
  interleave sandbox-check
      Show what the sandbox of a run refuses on this machine (files, network, signals,
      tracing, other programs); exit status 0 when it holds.
  interleave --help | --version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("run") => run_command(&args[1..]),
        Some("sandbox-check") => sandbox_check_command(),
        // Not in the usage: the worker process of a run, or of a run's child process.
        Some("worker") => exec::worker::worker_main(&args[1..], modules::REGISTRY),
        Some("--version" | "-V") => {
            println!("interleave {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command '{other}'")),
        None => usage_error("missing command"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("interleave: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Takes the value following `flag` out of `args`.
fn flag_value(args: &[String], i: &mut usize, flag: &str) -> Result<String, String> {
    *i += 1;
    args.get(*i)
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value"))
}

// ---- serve ----

struct ServeArgs {
    addr: String,
    /// `None`: the default data directory.
    data_dir: Option<PathBuf>,
    access: Access,
    store: StoreLimits,
}

fn parse_serve_args(args: &[String]) -> Result<ServeArgs, String> {
    let mut addr = std::env::var("INTERLEAVE_ADDR").unwrap_or_else(|_| DEFAULT_ADDR.to_string());
    let mut data_dir = None;
    let mut access = Access::default();
    let mut store = StoreLimits::default();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--addr" => addr = flag_value(args, &mut i, "--addr")?,
            "--data-dir" => data_dir = Some(PathBuf::from(flag_value(args, &mut i, "--data-dir")?)),
            "--allow-host" => {
                let host = flag_value(args, &mut i, "--allow-host")?;
                access
                    .hosts
                    .push(host.trim_matches(['[', ']']).to_ascii_lowercase());
            }
            "--allow-origin" => access
                .origins
                .push(flag_value(args, &mut i, "--allow-origin")?),
            "--max-store-mb" => {
                let value = flag_value(args, &mut i, "--max-store-mb")?;
                let mib: u64 = value.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    format!("--max-store-mb needs a positive number of MiB, not '{value}'")
                })?;
                store.max_bytes = mib.saturating_mul(1 << 20);
            }
            other => return Err(format!("unexpected argument '{other}' for serve")),
        }
        i += 1;
    }
    Ok(ServeArgs {
        addr,
        data_dir,
        access,
        store,
    })
}

fn serve_command(args: &[String]) -> ExitCode {
    let ServeArgs {
        addr,
        data_dir,
        access,
        store: store_limits,
    } = match parse_serve_args(args) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
    init_logging();
    let data_dir =
        data_dir.unwrap_or_else(|| store::default_data_dir(|name| std::env::var_os(name)));
    let store = match Store::open(&data_dir).and_then(|store| {
        store.limit(store_limits)?;
        Ok(store)
    }) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("interleave: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("Interleave saves snapshots in {}", store.location());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("interleave: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(addr, store, access)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("interleave: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `addr` is `HOST:PORT`; a host name is resolved, port 0 picks a free port.
async fn serve(addr: String, store: Store, mut access: Access) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr.as_str())
        .await
        .map_err(|e| {
            format!("cannot listen on {addr}: {e} (expected an address like 127.0.0.1:7878)")
        })?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    println!("Interleave listening on http://{bound}/");
    let ip = bound.ip();
    if ip.is_unspecified() {
        println!(
            "Requests must name this server as one of: {}; add --allow-host NAME for the names \
             others use to reach it",
            access.hosts.join(", ")
        );
    } else if !ip.is_loopback() {
        access.hosts.push(ip.to_string());
    }
    let limits = Limits {
        access,
        ..Limits::default()
    };
    raise_open_files_limit(&limits);
    let state = AppState::with_store(limits, store);
    web::serve(listener, state, shutdown_requested())
        .await
        .map_err(|e| format!("server error: {e}"))
}

/// Lets the server hold as many connections as it accepts, and its runs' pipes: the soft limit
/// on open files (often 1024) goes up to the hard one.
fn raise_open_files_limit(limits: &Limits) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls with a valid rlimit to fill and to set.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
    let needed = (limits.max_connections + 64 * limits.max_running) as u64;
    if limit.rlim_cur < needed {
        eprintln!(
            "interleave: this process may open only {} files; {} connections and {} runs need \
             about {needed}",
            limit.rlim_cur, limits.max_connections, limits.max_running
        );
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("interleave=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_requested() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut sigterm) => {
                sigterm.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    eprintln!("interleave: shutting down");
}

fn sandbox_check_command() -> ExitCode {
    match exec::worker::sandbox_check() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("interleave: cannot check the sandbox: {error}");
            ExitCode::FAILURE
        }
    }
}

// ---- run ----

struct RunArgs {
    file: String,
    json: bool,
    time_limit: Option<Duration>,
}

fn parse_run_args(args: &[String]) -> Result<RunArgs, String> {
    let mut file = None;
    let mut json = false;
    let mut time_limit = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--json" => json = true,
            "--time-limit" => {
                let value = flag_value(args, &mut i, "--time-limit")?;
                let limit = value
                    .parse()
                    .ok()
                    .and_then(lang::seconds::positive_duration)
                    .ok_or_else(|| {
                        format!("--time-limit needs a positive number of seconds, not '{value}'")
                    })?;
                time_limit = Some(limit);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option '{flag}' for run"))
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument '{extra}' for run")),
        }
        i += 1;
    }
    let file = file.ok_or("run needs a FILE.py")?;
    Ok(RunArgs {
        file,
        json,
        time_limit,
    })
}

fn run_command(args: &[String]) -> ExitCode {
    let args = match parse_run_args(args) {
        Ok(args) => args,
        Err(message) => return usage_error(&message),
    };
    let source = match std::fs::read_to_string(&args.file) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("interleave: cannot read {}: {error}", args.file);
            return ExitCode::from(2);
        }
    };
    let mut options = RunOptions {
        script_path: script_path(&args.file),
        ..RunOptions::default()
    };
    if let Some(limit) = args.time_limit {
        options.time_limit = limit;
    }
    let log = RunLog::new();
    let handle = match exec::start(&source, options, Arc::clone(&log)) {
        Ok(handle) => handle,
        Err(StartError::Refused(error)) => {
            eprint!("{}", syntax_report(&args.file, &source, &error));
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("interleave: {error}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            handle.cancel();
            eprintln!("interleave: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(follow_run(&log, &handle));
    handle.join();
    report(&args, source, &log)
}

/// Waits for the run to end. Ctrl-C cancels the run, which still ends normally with status
/// `cancelled`.
async fn follow_run(log: &RunLog, handle: &exec::RunHandle) {
    let mut after = 0;
    let mut interrupted = false;
    loop {
        let slice = log.read_after(after, usize::MAX);
        if let Some(last) = slice.last_seq() {
            after = last;
            continue;
        }
        if slice.end().is_some() {
            return;
        }
        tokio::select! {
            () = log.wait_beyond(after) => {}
            result = tokio::signal::ctrl_c(), if !interrupted => {
                interrupted = true;
                if result.is_ok() {
                    handle.cancel();
                }
            }
        }
    }
}

fn report(args: &RunArgs, source: String, log: &RunLog) -> ExitCode {
    let slice = log.snapshot();
    let meta = RunMeta {
        id: "local".to_string(),
        scenario: None,
        source,
    };
    let document = TraceDocument::build(meta, slice.iter(), slice.end());
    if args.json {
        println!("{}", document.to_json());
    } else {
        // Child processes' prints arrive late; the document has them in time order. A closed
        // stdout (`| head`) is no error: the text is still in the trace.
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(document.stdout().as_bytes());
        let _ = stdout.flush();
    }
    // A limit is reported once, as the reason the run stopped.
    let warnings = document
        .diagnostics
        .iter()
        .filter(|d| d.kind != DiagnosticKind::Limit);
    for diagnostic in warnings {
        eprintln!(
            "warning: {}: {}",
            location(&args.file, diagnostic.line),
            diagnostic.message
        );
    }
    if let Some(error) = &document.run.error {
        eprint!(
            "{}",
            error_report(
                &args.file,
                &document.run.meta.source,
                document.run.status,
                error
            )
        );
    }
    eprintln!(
        "{}",
        summary_paragraph(document.run.status, &document.summary)
    );
    match document.run.status {
        RunStatus::Ok => ExitCode::SUCCESS,
        RunStatus::Cancelled => ExitCode::from(130),
        RunStatus::Error | RunStatus::Limit | RunStatus::Running => ExitCode::FAILURE,
    }
}

/// `FILE:LINE:COL: syntax error: message`, then the line with a caret under the column.
/// `__file__` of the script at `file`, as CPython makes it: the current directory joined to a
/// relative path as it was written.
fn script_path(file: &str) -> String {
    if file.starts_with('/') {
        return file.to_string();
    }
    match std::env::current_dir() {
        Ok(dir) => format!("{}/{file}", dir.display()),
        Err(_) => file.to_string(),
    }
}

fn syntax_report(file: &str, source: &str, error: &SyntaxError) -> String {
    let what = match error.kind {
        "unsupported" => "unsupported",
        "recursion" => "RecursionError",
        _ => "syntax error",
    };
    let mut report = format!(
        "{file}:{}:{}: {what}: {}\n",
        error.line, error.column, error.message
    );
    if let Some(text) = source_line(source, error.line) {
        let gutter = error.line.to_string();
        let blank = " ".repeat(gutter.len());
        let caret_at = error.column.max(1) as usize - 1;
        // Keep tabs so the caret lines up with the text above it.
        let pad: String = text
            .chars()
            .take(caret_at)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        report += &format!("{gutter} | {text}\n{blank} | {pad}^\n");
    }
    report
}

/// A Python-style traceback for an exception, or a one-line reason for a limit or cancel.
fn error_report(file: &str, source: &str, status: RunStatus, error: &RunError) -> String {
    if status != RunStatus::Error {
        return format!("interleave: run stopped: {}\n", error.message);
    }
    if error.kind == CRASHED {
        return format!("interleave: {}\n", error.message);
    }
    let mut lines = Vec::new();
    if !error.traceback.is_empty() {
        lines.push("Traceback (most recent call last):".to_string());
    }
    for frame in &error.traceback {
        lines.push(format!(
            "  File \"{file}\", line {}, in {}",
            frame.line, frame.function
        ));
        if let Some(text) = source_line(source, frame.line) {
            lines.push(format!("    {}", text.trim()));
        }
    }
    lines.push(if error.message.is_empty() {
        error.kind.clone()
    } else {
        format!("{}: {}", error.kind, error.message)
    });
    lines.join("\n") + "\n"
}

/// `FILE:LINE`, or just `FILE` when there is no line.
fn location(file: &str, line: u32) -> String {
    if line == 0 {
        file.to_string()
    } else {
        format!("{file}:{line}")
    }
}

fn source_line(source: &str, line: u32) -> Option<&str> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    source.lines().nth(index)
}

fn summary_paragraph(status: RunStatus, summary: &Summary) -> String {
    let tasks = match summary.tasks {
        1 => "1 task".to_string(),
        n => format!("{n} tasks"),
    };
    format!(
        "interleave: {} in {}; the event loop was busy {:.1}% of the time; {tasks}, at most {} \
         awaiting at once; longest stall {}; {} events recorded.",
        status.as_str(),
        human_duration(summary.wall_ns),
        summary.loop_busy_pct,
        summary.peak_awaiting,
        human_duration(summary.longest_stall_ns),
        summary.events,
    )
}

#[cfg(test)]
mod tests {
    use interleave::trace::event::TraceFrame;

    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn run_arguments_in_any_order() {
        let args = parse_run_args(&strings(&["--json", "x.py", "--time-limit", "2.5"]))
            .expect("valid arguments");
        assert_eq!(args.file, "x.py");
        assert!(args.json);
        assert_eq!(args.time_limit, Some(Duration::from_millis(2_500)));
        assert!(parse_run_args(&strings(&["x.py", "--time-limit", "0"])).is_err());
        assert!(parse_run_args(&strings(&["x.py", "--time-limit"])).is_err());
        assert!(parse_run_args(&strings(&["x.py", "y.py"])).is_err());
        assert!(parse_run_args(&strings(&["--verbose", "x.py"])).is_err());
        assert!(parse_run_args(&[]).is_err());
    }

    #[test]
    fn tracebacks_look_like_python() {
        let source = "import asyncio\n\nasync def main():\n    raise ValueError(\"boom\")\n\nasyncio.run(main())\n";
        let error = RunError {
            kind: "ValueError".into(),
            message: "boom".into(),
            line: 4,
            traceback: vec![
                TraceFrame {
                    function: "<module>".into(),
                    line: 6,
                },
                TraceFrame {
                    function: "main".into(),
                    line: 4,
                },
            ],
        };
        assert_eq!(
            error_report("t.py", source, RunStatus::Error, &error),
            "Traceback (most recent call last):\n  File \"t.py\", line 6, in <module>\n    \
             asyncio.run(main())\n  File \"t.py\", line 4, in main\n    raise ValueError(\"boom\")\n\
             ValueError: boom\n"
        );
    }

    #[test]
    fn syntax_errors_point_at_the_column() {
        let error = SyntaxError {
            kind: "syntax",
            message: "expected ':'".into(),
            line: 2,
            column: 5,
        };
        assert_eq!(
            syntax_report("t.py", "x = 1\nif x\n", &error),
            "t.py:2:5: syntax error: expected ':'\n2 | if x\n  |     ^\n"
        );
    }
}
