//! Many files on all cores, stoppable at once.
//!
//! Workers are plain threads, not scoped ones: a worker stuck in a 60-second LibreOffice
//! conversion must not hold up the caller after a cancel. The caller stops listening, tells the
//! workers to take no new file, and returns; a stuck worker's late result is dropped.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use crate::check::{check_file, Row};

/// How often the caller looks at the cancel flag while it waits for a row.
const POLL: Duration = Duration::from_millis(25);

/// The batch was stopped before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// How far a batch has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Runs `work` on every file on all cores; `take(index, result)` is called on the calling thread,
/// in completion order. Memory stays flat: results wait in a bounded channel.
pub(crate) fn par_map<T: Send + 'static>(
    files: &[PathBuf],
    cancel: &AtomicBool,
    work: impl Fn(&Path) -> T + Send + Sync + 'static,
    mut take: impl FnMut(usize, T),
) -> Result<(), Cancelled> {
    if files.is_empty() {
        return Ok(());
    }
    let files: Arc<[PathBuf]> = files.into();
    let work = Arc::new(work);
    let next = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(files.len());
    let (tx, rx) = mpsc::sync_channel::<(usize, T)>(workers * 4);
    for _ in 0..workers {
        let (tx, files, work, next, stop) = (
            tx.clone(),
            files.clone(),
            work.clone(),
            next.clone(),
            stop.clone(),
        );
        std::thread::spawn(move || loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = files.get(i) else { break };
            if tx.send((i, work(path))).is_err() {
                break;
            }
        });
    }
    drop(tx);
    let mut received = 0;
    let result = loop {
        if cancel.load(Ordering::Relaxed) {
            break Err(Cancelled);
        }
        match rx.recv_timeout(POLL) {
            Ok((i, t)) => {
                take(i, t);
                received += 1;
            }
            Err(RecvTimeoutError::Timeout) => {}
            // Every worker is done (or died: a panic in a file's check must not hang the batch).
            Err(RecvTimeoutError::Disconnected) => break Ok(()),
        }
    };
    stop.store(true, Ordering::Relaxed);
    // A worker that died mid-file left that file without a row; say so rather than return short.
    if result.is_ok() && received < files.len() {
        return Err(Cancelled);
    }
    result
}

/// Checks `files` on all cores, calling `on_row(index, row)` on the calling thread as rows
/// complete (completion order). Returns `Err(Cancelled)` within a few tens of milliseconds once
/// `cancel` is set; rows not yet delivered by then are not delivered.
pub fn run(
    files: &[PathBuf],
    cancel: &AtomicBool,
    on_row: impl FnMut(usize, Row),
) -> Result<(), Cancelled> {
    par_map(files, cancel, checked_whatever_happens, on_row)
}

/// Reads every file (any form) on all cores, for the checks across reports (汇总核对, peers):
/// `None` where a file cannot be read, in the files' order.
pub fn read_all(
    files: &[PathBuf],
    cancel: &AtomicBool,
) -> Result<Vec<Option<nianbao_core::Report>>, Cancelled> {
    let mut out = vec![None; files.len()];
    let read = |p: &Path| {
        std::panic::catch_unwind(|| crate::check::read_any(p).ok().map(|(r, _)| r))
            .ok()
            .flatten()
    };
    par_map(files, cancel, read, |i, r| {
        if let Some(slot) = out.get_mut(i) {
            *slot = r;
        }
    })?;
    Ok(out)
}

/// A bug met by one strange file costs that file's row, not the batch.
fn checked_whatever_happens(path: &Path) -> Row {
    std::panic::catch_unwind(|| check_file(path)).unwrap_or_else(|_| {
        Row::unreadable(
            path.to_path_buf(),
            "读取这个文件时程序出了错（这是年报编制器的缺陷）。请用年报编制器单独打开它，或把文件发给开发者。",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_once_in_any_order() {
        let files: Vec<PathBuf> = (0..100).map(|i| PathBuf::from(format!("{i}"))).collect();
        let mut seen = vec![0; 100];
        let never = AtomicBool::new(false);
        par_map(
            &files,
            &never,
            |p| p.to_string_lossy().parse::<usize>().unwrap_or(usize::MAX),
            |i, n| {
                assert_eq!(i, n);
                seen[i] += 1;
            },
        )
        .expect("not cancelled");
        assert!(seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn a_panicking_file_does_not_hang_or_pass_for_done() {
        let files: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("{i}"))).collect();
        let never = AtomicBool::new(false);
        let result = par_map(
            &files,
            &never,
            |p| {
                assert!(p != Path::new("3"), "a bug in one file's check");
            },
            |_, ()| {},
        );
        assert_eq!(result, Err(Cancelled));
    }
}
