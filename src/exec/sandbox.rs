//! The sandbox a worker enters before any scenario code runs: resource limits, the run's
//! ledger (memory, threads, processes; see [`super::budget`]), a Landlock ruleset and a seccomp
//! filter. Scenario code has no way to open a file or a socket, but the sandbox is what makes
//! that true even if the evaluator had a bug that tried to.
//!
//! - Resource limits: no core dumps, a small number of open files.
//! - Landlock (Linux 5.13+): files may be read only where the program itself lives (the
//!   executable, the system's libraries, `/proc` and `/sys` for CPU and thread facts), and
//!   executed only there; nothing may be written, created or removed anywhere. On 6.7+ no TCP
//!   port may be bound or connected to; on 6.12+ no signal may be sent, and no abstract socket
//!   reached, outside the run's own processes (the server and other runs are out of reach).
//! - seccomp: the system calls a run never needs and that could reach past it are refused with
//!   `EPERM`: opening files for writing, sockets other than local pairs, `connect`/`bind`,
//!   `ptrace`, mounts, namespaces, kernel modules and keyrings, BPF, `io_uring`, and signals to
//!   whole groups or to every process.
//!
//! Limits are inherited by every child process a run starts, and a child enters the same
//! sandbox again, inside the one it inherited.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

use landlock::{
    path_beneath_rules, Access, AccessFs, AccessNet, CompatLevel, Compatible, Ruleset, RulesetAttr,
    RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};

use super::budget;
use super::RunOptions;

/// Open files a worker may hold: its pipes, two per child process, and the runtime's own.
const MAX_OPEN_FILES: u64 = 256;
/// The Landlock ABI whose rights the ruleset asks for (older kernels grant what they can).
const LANDLOCK_ABI: ABI = ABI::V6;
/// Where a worker may read files: the system's libraries, its own `/proc` entries, and CPU and
/// cgroup facts. It may execute only itself and its dynamic loader.
const READABLE: [&str; 7] = [
    "/usr",
    "/lib",
    "/lib64",
    "/etc/ld.so.cache",
    "/proc",
    "/sys/fs/cgroup",
    "/sys/devices/system/cpu",
];

/// Why the sandbox could not be entered.
#[derive(Debug)]
pub struct SandboxError(String);

impl fmt::Display for SandboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SandboxError {}

fn error(what: &str, e: impl fmt::Display) -> SandboxError {
    SandboxError(format!("{what}: {e}"))
}

/// Where a process of a run keeps its share of the run's ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LedgerSlot {
    /// The inherited descriptor of the ledger's shared memory.
    pub fd: i32,
    pub slot: usize,
}

/// What the sandbox enforces on this machine.
#[derive(Debug)]
pub struct Enforced {
    pub landlock: RulesetStatus,
}

impl fmt::Display for Enforced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let landlock = match self.landlock {
            RulesetStatus::FullyEnforced => "Landlock (files, TCP, signals)",
            RulesetStatus::PartiallyEnforced => {
                "Landlock in part (this kernel lacks some of its rights)"
            }
            RulesetStatus::NotEnforced => "no Landlock (this kernel does not offer it)",
        };
        write!(
            f,
            "resource limits, a memory ledger, {landlock}, a seccomp filter"
        )
    }
}

/// Reads the local time zone now, while its files can still be opened (`time.localtime`
/// needs it later).
fn load_time_zone() {
    // SAFETY: tzset has no preconditions; it only reads TZ and the zone files.
    unsafe { tzset() };
}

extern "C" {
    fn tzset();
}

/// Enters the sandbox for a run with `options`: the worker of a run creates the run's ledger
/// (`ledger` is `None`), a child process joins its parent's. Must be called before the process
/// starts any thread, so that every thread is inside.
pub fn enter(options: &RunOptions, ledger: Option<LedgerSlot>) -> Result<Enforced, SandboxError> {
    load_time_zone();
    limit_resources()?;
    let ledger = match ledger {
        Some(slot) => slot,
        None => LedgerSlot {
            fd: budget::create(options.max_memory_bytes, options.max_threads)
                .map_err(|e| error("cannot create the run's ledger", e))?,
            slot: 0,
        },
    };
    budget::join(ledger.fd, ledger.slot).map_err(|e| error("cannot join the run's ledger", e))?;
    let landlock = restrict_files_and_network()?;
    filter_system_calls()?;
    Ok(Enforced { landlock })
}

fn limit_resources() -> Result<(), SandboxError> {
    set_limit(libc::RLIMIT_CORE, 0)?;
    set_limit(libc::RLIMIT_NOFILE, MAX_OPEN_FILES)
}

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) -> Result<(), SandboxError> {
    let limit = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    // SAFETY: a plain system call with a valid rlimit.
    if unsafe { libc::setrlimit(resource, &limit) } != 0 {
        return Err(error("setrlimit", std::io::Error::last_os_error()));
    }
    Ok(())
}

fn restrict_files_and_network() -> Result<RulesetStatus, SandboxError> {
    let abi = LANDLOCK_ABI;
    let fail = |e: landlock::RulesetError| error("Landlock", e);
    let program: PathBuf = std::env::current_exe().map_err(|e| error("current_exe", e))?;
    let runnable: Vec<PathBuf> = interpreter_of(&program)
        .into_iter()
        .chain([program])
        .collect();
    let read = AccessFs::ReadFile | AccessFs::ReadDir;
    let status = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))
        .map_err(fail)?
        .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)
        .map_err(fail)?
        .scope(Scope::from_all(abi))
        .map_err(fail)?
        .create()
        .map_err(fail)?
        .add_rules(path_beneath_rules(READABLE, read))
        .map_err(fail)?
        .add_rules(path_beneath_rules(runnable, AccessFs::from_read(abi)))
        .map_err(fail)?
        .restrict_self()
        .map_err(fail)?;
    Ok(status.ruleset)
}

/// The dynamic loader an ELF executable names (its `PT_INTERP`), which the kernel runs it with.
fn interpreter_of(program: &std::path::Path) -> Option<PathBuf> {
    const PT_INTERP: u32 = 3;
    // The program headers of an executable come first.
    let mut elf = Vec::new();
    std::fs::File::open(program)
        .ok()?
        .take(64 << 10)
        .read_to_end(&mut elf)
        .ok()?;
    let u16_at = |at: usize| Some(u16::from_le_bytes(elf.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(elf.get(at..at + 4)?.try_into().ok()?));
    let u64_at = |at: usize| {
        let bytes = elf.get(at..at + 8)?.try_into().ok()?;
        usize::try_from(u64::from_le_bytes(bytes)).ok()
    };
    // A 64-bit little-endian ELF file: its program headers, then the interpreter's path.
    if elf.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let (table, entry, count) = (u64_at(0x20)?, usize::from(u16_at(0x36)?), u16_at(0x38)?);
    (0..usize::from(count)).find_map(|i| {
        let header = table + i * entry;
        if u32_at(header)? != PT_INTERP {
            return None;
        }
        let (offset, size) = (u64_at(header + 8)?, u64_at(header + 32)?);
        let path = elf.get(offset..offset + size)?.split(|&b| b == 0).next()?;
        Some(PathBuf::from(std::str::from_utf8(path).ok()?))
    })
}

fn filter_system_calls() -> Result<(), SandboxError> {
    let arch = TargetArch::try_from(std::env::consts::ARCH).map_err(|e| error("seccomp", e))?;
    // glibc starts threads with clone3 when it can and falls back to clone on ENOSYS; clone3's
    // flags sit in memory a filter cannot read, so clone3 is made to look absent.
    let absent = [(libc::SYS_clone3, Vec::new())];
    install(absent, libc::ENOSYS, arch)?;
    install(refused_calls(), libc::EPERM, arch)
}

/// Installs a filter that fails `calls` (each with its rules; no rules: always) with `errno`.
fn install(
    calls: impl IntoIterator<Item = (i64, Vec<SeccompRule>)>,
    errno: i32,
    arch: TargetArch,
) -> Result<(), SandboxError> {
    let fail = |e: seccompiler::Error| error("seccomp", e);
    let rules: BTreeMap<i64, Vec<SeccompRule>> = calls.into_iter().collect();
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Allow,
        SeccompAction::Errno(errno.unsigned_abs()),
        arch,
    )
    .map_err(|e| fail(e.into()))?;
    let program: BpfProgram = filter
        .try_into()
        .map_err(|e: seccompiler::BackendError| fail(e.into()))?;
    seccompiler::apply_filter(&program).map_err(fail)
}

/// The system calls refused, with the argument patterns they are refused for.
fn refused_calls() -> Vec<(i64, Vec<SeccompRule>)> {
    let always = [
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_pivot_root,
        libc::SYS_chroot,
        libc::SYS_unshare,
        libc::SYS_setns,
        libc::SYS_swapon,
        libc::SYS_swapoff,
        libc::SYS_reboot,
        libc::SYS_kexec_load,
        libc::SYS_init_module,
        libc::SYS_finit_module,
        libc::SYS_delete_module,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_userfaultfd,
        libc::SYS_keyctl,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_io_uring_setup,
        libc::SYS_io_uring_enter,
        libc::SYS_io_uring_register,
        libc::SYS_open_by_handle_at,
        libc::SYS_name_to_handle_at,
        libc::SYS_openat2,
        libc::SYS_connect,
        libc::SYS_bind,
        libc::SYS_listen,
        libc::SYS_accept,
        libc::SYS_accept4,
        libc::SYS_setuid,
        libc::SYS_setgid,
        libc::SYS_setreuid,
        libc::SYS_setregid,
        libc::SYS_setresuid,
        libc::SYS_setresgid,
        libc::SYS_acct,
        libc::SYS_settimeofday,
        libc::SYS_clock_settime,
        libc::SYS_adjtimex,
        libc::SYS_syslog,
    ];
    let mut calls: Vec<(i64, Vec<SeccompRule>)> =
        always.into_iter().map(|call| (call, Vec::new())).collect();
    let write_flags = [libc::O_WRONLY, libc::O_RDWR, libc::O_CREAT, libc::O_TRUNC];
    calls.push((libc::SYS_openat, flag_rules(2, &write_flags)));
    #[cfg(target_arch = "x86_64")]
    calls.extend([
        (libc::SYS_open, flag_rules(1, &write_flags)),
        (libc::SYS_creat, Vec::new()),
    ]);
    calls.push((
        libc::SYS_socket,
        vec![rule(0, SeccompCmpOp::Ne, libc::AF_UNIX as u64)],
    ));
    let namespaces = [
        libc::CLONE_NEWNS,
        libc::CLONE_NEWUSER,
        libc::CLONE_NEWPID,
        libc::CLONE_NEWNET,
        libc::CLONE_NEWIPC,
        libc::CLONE_NEWUTS,
        libc::CLONE_NEWCGROUP,
    ];
    calls.push((libc::SYS_clone, flag_rules(0, &namespaces)));
    // A pid of 0 or below names a whole process group, or every process.
    let groups = vec![
        rule(0, SeccompCmpOp::Eq, 0),
        rule(0, SeccompCmpOp::Ge, 0x8000_0000),
    ];
    calls.push((libc::SYS_kill, groups));
    calls
}

/// One rule per flag: the call is refused when argument `arg` has any of `flags` set.
fn flag_rules(arg: u8, flags: &[i32]) -> Vec<SeccompRule> {
    flags
        .iter()
        .map(|&flag| {
            let flag = u64::from(flag.unsigned_abs());
            rule(arg, SeccompCmpOp::MaskedEq(flag), flag)
        })
        .collect()
}

fn rule(arg: u8, op: SeccompCmpOp, value: u64) -> SeccompRule {
    let condition = SeccompCondition::new(arg, SeccompCmpArgLen::Dword, op, value)
        .expect("argument indexes below 6 are valid");
    SeccompRule::new(vec![condition]).expect("a rule with one condition is valid")
}

// ---- checking it ------------------------------------------------------------------------------

/// One thing a sandboxed process tried, and how it went.
#[derive(Debug)]
pub struct Probe {
    pub what: String,
    /// Whether a sandboxed run needs this to work (else it must be refused).
    pub needed: bool,
    pub outcome: std::io::Result<()>,
}

impl Probe {
    /// Whether the sandbox did what it should.
    pub fn holds(&self) -> bool {
        self.outcome.is_ok() == self.needed
    }
}

impl fmt::Display for Probe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = match (&self.outcome, self.holds()) {
            (Ok(()), true) => "works".to_string(),
            (Err(e), true) => format!("refused ({e})"),
            (Ok(()), false) => "NOT REFUSED".to_string(),
            (Err(e), false) => format!("FAILS ({e})"),
        };
        write!(f, "{:<58} {verdict}", self.what)
    }
}

/// Tries, from inside the sandbox, what a run must not be able to do: read a file outside the
/// program's own, write one, reach `tcp_port` on this machine, open other sockets, signal
/// `outside` (a process outside the run) or every process, trace a process, run another program;
/// and what it must: read its own `/proc` entry and start this program again.
pub fn probe(tcp_port: u16, outside: u32) -> Vec<Probe> {
    use std::io::Error;
    let os = |r: i32| {
        if r < 0 {
            Err(Error::last_os_error())
        } else {
            Ok(())
        }
    };
    let outside = libc::pid_t::try_from(outside).unwrap_or(1);
    let scratch = std::env::temp_dir().join(format!("interleave-probe-{}", std::process::id()));
    let mut probes = vec![
        (
            "read /etc/passwd",
            false,
            std::fs::read("/etc/passwd").map(drop),
        ),
        (
            "create a file in the temporary directory",
            false,
            std::fs::write(&scratch, b"x"),
        ),
        (
            "connect to a TCP port on 127.0.0.1",
            false,
            std::net::TcpStream::connect(("127.0.0.1", tcp_port)).map(drop),
        ),
        (
            "open a UDP socket",
            false,
            std::net::UdpSocket::bind("127.0.0.1:0").map(drop),
        ),
        // SAFETY: plain system calls on integers; nothing is read or written through pointers.
        (
            "signal a process outside the run",
            false,
            os(unsafe { libc::kill(outside, 0) }),
        ),
        // SAFETY: as above.
        (
            "signal every process",
            false,
            os(unsafe { libc::kill(-1, 0) }),
        ),
        (
            "trace a process outside the run",
            false,
            // SAFETY: as above; PTRACE_ATTACH takes no pointer.
            os(unsafe { libc::ptrace(libc::PTRACE_ATTACH, outside, 0, 0) as i32 }),
        ),
        (
            "run /bin/sh",
            false,
            std::process::Command::new("/bin/sh")
                .arg("-c")
                .arg("true")
                .status()
                .map(drop),
        ),
        (
            "read its own /proc/self/stat",
            true,
            std::fs::read("/proc/self/stat").map(drop),
        ),
    ];
    probes.push((
        "start this program again",
        true,
        // With pipes, as a run starts its child processes.
        std::env::current_exe()
            .and_then(|exe| {
                std::process::Command::new(exe)
                    .arg("--version")
                    .stdin(std::process::Stdio::piped())
                    .output()
            })
            .and_then(|out| {
                out.status
                    .success()
                    .then_some(())
                    .ok_or_else(|| Error::other(format!("exit status {}", out.status)))
            }),
    ));
    let _ = std::fs::remove_file(&scratch);
    probes
        .into_iter()
        .map(|(what, needed, outcome)| Probe {
            what: what.to_string(),
            needed,
            outcome,
        })
        .collect()
}
