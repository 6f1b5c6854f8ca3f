//! The panic hook: each panic, in any thread, gets an entry in the log before the previous hook
//! (std's, which prints to the terminal) runs as before. The editor learns its log folder only
//! once Tauri knows its paths, so the folder is set apart from installing the hook; a panic
//! before then reaches the terminal only.

use std::cell::Cell;
use std::panic::PanicHookInfo;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::log::{panic_entry, Log, Place};

static LOG: Mutex<Option<Log>> = Mutex::new(None);

thread_local! {
    /// Set while this thread writes an entry: a panic inside the writing must not recurse.
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

fn log_slot() -> MutexGuard<'static, Option<Log>> {
    // Nothing is ever left half-done under this lock, so a poisoned one is still right.
    LOG.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The folder entries go to from now on (for the hook and for [`current_log`]).
pub fn set_log_dir(dir: std::path::PathBuf) {
    *log_slot() = Some(Log::new(dir));
}

/// The log entries go to, once its folder is set.
pub fn current_log() -> Option<Log> {
    log_slot().clone()
}

/// Seconds since 1970, or 0 when the clock is before it.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Installs the hook for `program` (`nianbao-editor`, `nianbao`), keeping the one before it.
pub fn install(program: &'static str) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write_panic(program, info);
        previous(info);
    }));
}

fn write_panic(program: &str, info: &PanicHookInfo<'_>) {
    if WRITING.with(|w| w.replace(true)) {
        return;
    }
    if let Some(log) = current_log() {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let entry = panic_entry(
            now_secs(),
            program,
            std::thread::current().name(),
            info.location().map(|l| Place {
                file: l.file(),
                line: l.line(),
                column: l.column(),
            }),
            message,
        );
        // Nowhere to tell of a log that cannot be written: std's hook still prints the panic.
        let _ = log.append(&entry);
    }
    WRITING.with(|w| w.set(false));
}
