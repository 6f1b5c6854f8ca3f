//! What a file looked like when it was read, so that 刷新 re-reads only the files that changed.

use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::Serialize;

use crate::Row;

/// A file's size and modification time when it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub size: u64,
    /// Milliseconds since the UNIX epoch; None where the file system does not say.
    pub modified_ms: Option<u128>,
}

/// The file's stamp now, or None when it cannot be read (gone, or not allowed).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified_ms = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_millis());
    Some(Stamp {
        size: meta.len(),
        modified_ms,
    })
}

/// For 刷新: the indexes of the rows whose file changed since it was read (another size or time,
/// gone, or there now where it was missing).
pub fn changed(rows: &[Row]) -> Vec<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| stamp(&r.file) != r.stamp)
        .map(|(i, _)| i)
        .collect()
}
