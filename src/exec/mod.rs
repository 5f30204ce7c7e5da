//! Real execution of a compiled scenario: each run gets its own OS thread with a current-thread
//! tokio runtime, its own clock and recorder, and ends by reporting a [`RunEnd`] to its log.

pub mod aio;
pub mod control;
pub mod event_loop;
pub mod futures;
pub mod gil;
pub mod hashing;
pub mod marshal;
pub mod objects;
pub mod pool;
pub mod process;
pub mod threads;

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use parking_lot::Mutex;

use crate::lang::error::{Abort, Ctrl, Eval, Signal};
use crate::lang::eval::{Ctx, Interp};
use crate::lang::function::{Coroutine, Frame};
use crate::lang::value::Value;
use crate::lang::Program;
use crate::record::log::RunLog;
use crate::record::recorder::{self, Clock, RunRecording};
use crate::trace::event::{
    DiagnosticKind, EventKind, LaneKind, RunEnd, RunError, RunStatus, State, LOOP_LANE,
};
use control::RunControl;

/// Limits of one run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub time_limit: Duration,
    pub max_tasks: usize,
    pub max_output_bytes: usize,
    pub max_recursion: usize,
    /// `false` runs threads without the GIL, as free-threaded Python would.
    pub gil: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            time_limit: Duration::from_secs(30),
            max_tasks: 10_000,
            max_output_bytes: 1 << 20,
            max_recursion: 1000,
            gil: true,
        }
    }
}

/// A run in progress on its own thread.
pub struct RunHandle {
    control: Arc<RunControl>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl RunHandle {
    /// Stops the run at its next check (within milliseconds); it ends with status `cancelled`.
    pub fn cancel(&self) {
        self.control.cancel();
    }

    /// Nanoseconds since the run started, on the run's own clock.
    pub fn elapsed_ns(&self) -> u64 {
        self.control.clock.now_ns()
    }

    pub fn is_finished(&self) -> bool {
        self.thread.lock().as_ref().is_none_or(|t| t.is_finished())
    }

    /// Waits for the run's thread to end.
    pub fn join(self) {
        if let Some(t) = self.thread.lock().take() {
            let _ = t.join();
        }
    }
}

/// Python code runs on deep native recursion; give the run thread room for it.
const RUN_THREAD_STACK: usize = 512 << 20;

/// Starts running `program`; events go to `log`, which is finished when the run ends.
pub fn start(program: Arc<Program>, options: RunOptions, log: Arc<RunLog>) -> RunHandle {
    let clock = Clock::start();
    let control = Arc::new(RunControl::new(options, clock));
    let thread_control = control.clone();
    let thread = std::thread::Builder::new()
        .name("interleave-run".into())
        .stack_size(RUN_THREAD_STACK)
        .spawn(move || run_thread(program, thread_control, log, clock))
        .expect("the OS can start a thread");
    RunHandle {
        control,
        thread: Mutex::new(Some(thread)),
    }
}

fn run_thread(program: Arc<Program>, control: Arc<RunControl>, log: Arc<RunLog>, clock: Clock) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime can be built");
    event_loop::init_thread(runtime);
    recorder::install(RunRecording::new(log.clone(), clock), LOOP_LANE);
    recorder::new_lane(
        LaneKind::EventLoop,
        Arc::from("main thread · event loop"),
        None,
        None,
    );
    recorder::state(LOOP_LANE, State::Running, Some(Arc::from("<module>")), 0);
    gil::register_thread(LOOP_LANE, Some(Arc::from("<module>")));
    threads::ThreadObj::install_main(LOOP_LANE);
    control.gil.take();
    let interp = Arc::new(Interp::new(program.clone(), control.clone(), "__main__"));
    let result = run_program(&Ctx::new(interp), program);
    if result.is_err() {
        control.cancel();
    }
    control.mark_program_done();
    control.threads.join_all(&control);
    control.processes.reap_all(&control);
    control.gil.release();
    let end = run_end(result, clock.now_ns());
    recorder::state(LOOP_LANE, State::Done, None, 0);
    recorder::uninstall();
    log.finish(end);
}

/// Runs the module body; with a top-level `await`, the body becomes the main task of a loop.
pub(crate) fn run_program(ctx: &Ctx, program: Arc<Program>) -> Eval<()> {
    if !program.top_level_await {
        return ctx.exec_block(&mut Frame::module(), &program.body);
    }
    let body = Coroutine::native(
        "<module>",
        Arc::from("<module>"),
        0,
        Box::new(move |ctx| {
            Box::pin(async move {
                ctx.exec_block_async(&mut Frame::module(), &program.body)
                    .await
                    .map(|()| Value::None)
            })
        }),
    );
    aio::run_main(ctx, Arc::new(body), 0).map(|_| ())
}

/// Turns the program's result into the run's status, recording why it stopped.
fn run_end(result: Eval<()>, duration_ns: u64) -> RunEnd {
    let (status, error) = match result.map_err(Ctrl::into_signal) {
        Ok(()) => (RunStatus::Ok, None),
        Err(Signal::Raise(e)) => {
            let traceback = e.traceback.lock().clone();
            let line = traceback.last().map_or(0, |f| f.line);
            recorder::record(
                LOOP_LANE,
                EventKind::Exception {
                    message: Arc::from(e.summary_line()),
                    line,
                },
            );
            let error = RunError {
                kind: e.kind.qualified_name(),
                message: e.message(),
                line,
                traceback,
            };
            (RunStatus::Error, Some(error))
        }
        Err(Signal::Abort(Abort::Cancelled)) => (
            RunStatus::Cancelled,
            Some(plain_error(
                "Cancelled",
                "the run was stopped before it finished",
            )),
        ),
        Err(Signal::Abort(Abort::Limit(message))) => {
            recorder::record(
                LOOP_LANE,
                EventKind::Diagnostic {
                    kind: DiagnosticKind::Limit,
                    message: Arc::from(message.as_str()),
                    line: 0,
                },
            );
            (
                RunStatus::Limit,
                Some(plain_error("LimitExceeded", &message)),
            )
        }
        Err(Signal::Break | Signal::Continue) => (
            RunStatus::Error,
            Some(plain_error(
                "SyntaxError",
                "'break' or 'continue' outside loop",
            )),
        ),
        Err(Signal::Return(_)) => (
            RunStatus::Error,
            Some(plain_error("SyntaxError", "'return' outside function")),
        ),
    };
    RunEnd {
        status,
        duration_ns,
        error,
    }
}

fn plain_error(kind: &str, message: &str) -> RunError {
    RunError {
        kind: kind.to_string(),
        message: message.to_string(),
        line: 0,
        traceback: Vec::new(),
    }
}
