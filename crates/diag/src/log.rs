//! The local log: `nianbao.log` in the app's log folder, moved to `nianbao.log.1` (replacing the
//! older one) before an entry would take it past [`ROTATE_AT`], so at most two files and about
//! half a megabyte stay on the machine. Each entry is scrubbed ([`crate::scrub`]) and capped at
//! [`ENTRY_MAX`] bytes before it is written. The entries' text and the rotation decision are pure;
//! [`Log`] only opens, renames and appends.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::scrub::{scrub, scrub_stack, MESSAGE_CHARS};
use crate::DiagError;

/// The current file and the one rotated out before it, newest first.
pub const FILES: [&str; 2] = ["nianbao.log", "nianbao.log.1"];
/// The size at which the current file is rotated out.
pub const ROTATE_AT: u64 = 256 * 1024;
/// Longest entry written, in bytes: a runaway stack cannot fill the file in one go.
pub const ENTRY_MAX: usize = 4 * 1024;

/// Where a panic happened, as `Location` gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
}

/// A panic's entry: time, program, thread, place and the scrubbed message. The place is a
/// source file of ours or of a dependency (compiled in, not the user's); the thread's name is
/// ours (`main`, `tokio-runtime-worker`) but scrubbed like the rest.
pub fn panic_entry(
    at_secs: i64,
    program: &str,
    thread: Option<&str>,
    place: Option<Place<'_>>,
    message: Option<&str>,
) -> String {
    let place = place.map_or_else(
        || "未知位置".to_string(),
        |p| format!("{}:{}:{}", scrub(p.file, MESSAGE_CHARS), p.line, p.column),
    );
    let thread = thread.map_or_else(|| "?".to_string(), |t| scrub(t, 60));
    let message = message.map_or_else(
        || "（消息不是文字）".to_string(),
        |m| scrub(m, MESSAGE_CHARS),
    );
    cap(format!(
        "{} {program} panic [thread {thread}] at {place}: {message}\n",
        utc_stamp(at_secs)
    ))
}

/// A window's error (`error`) or unhandled promise rejection (`unhandledrejection`): the
/// scrubbed message, and the stack below it one frame a line.
pub fn ui_entry(at_secs: i64, kind: &str, message: &str, stack: Option<&str>) -> String {
    let kind = match kind {
        "error" | "unhandledrejection" => kind,
        _ => "ui",
    };
    let mut out = format!(
        "{} nianbao-editor {kind}: {}\n",
        utc_stamp(at_secs),
        scrub(message, MESSAGE_CHARS)
    );
    for line in stack.map(scrub_stack).unwrap_or_default() {
        out.push_str("    ");
        out.push_str(&line);
        out.push('\n');
    }
    cap(out)
}

/// Whether the current file, `current` bytes long, must be rotated out before an entry of
/// `entry` bytes is appended. An empty file never is: an entry always lands somewhere.
pub fn must_rotate(current: u64, entry: u64) -> bool {
    current > 0 && current.saturating_add(entry) > ROTATE_AT
}

fn cap(mut entry: String) -> String {
    if entry.len() <= ENTRY_MAX {
        return entry;
    }
    let mut end = ENTRY_MAX - "…\n".len();
    while !entry.is_char_boundary(end) {
        end -= 1;
    }
    entry.truncate(end);
    entry.push_str("…\n");
    entry
}

/// `2026-12-07T23:50:47Z` for seconds since 1970 (UTC: the support side may be in another
/// time zone than the PC, and no time-zone table is needed).
pub fn utc_stamp(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The log folder and its files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Log {
    dir: PathBuf,
}

impl Log {
    pub fn new(dir: PathBuf) -> Log {
        Log { dir }
    }

    /// The folder the editor's log is in: Tauri's `app_log_dir` for the editor's identifier
    /// (`~/.local/share/cn.nianbao.editor/logs`, `%LOCALAPPDATA%\cn.nianbao.editor\logs`,
    /// `~/Library/Logs/cn.nianbao.editor`), so `nianbao` writes beside the editor.
    pub fn default_dir() -> Option<PathBuf> {
        if cfg!(target_os = "macos") {
            dirs::home_dir().map(|h| h.join("Library/Logs").join(IDENTIFIER))
        } else {
            dirs::data_local_dir().map(|d| d.join(IDENTIFIER).join("logs"))
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Appends one entry (already made by [`panic_entry`] or [`ui_entry`]), rotating first when
    /// it is due.
    pub fn append(&self, entry: &str) -> Result<(), DiagError> {
        let failed = |path: &Path, e: std::io::Error| DiagError::Log {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| failed(&self.dir, e))?;
        let current = self.dir.join(FILES[0]);
        let len = std::fs::metadata(&current).map_or(0, |m| m.len());
        if must_rotate(len, entry.len() as u64) {
            let older = self.dir.join(FILES[1]);
            // A rename replaces the older file on every system Rust supports.
            std::fs::rename(&current, &older).map_err(|e| failed(&older, e))?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&current)
            .map_err(|e| failed(&current, e))?;
        file.write_all(entry.as_bytes())
            .map_err(|e| failed(&current, e))
    }

    /// The log files there are, newest first, with their bytes.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        FILES
            .iter()
            .filter_map(|name| {
                std::fs::read(self.dir.join(name))
                    .ok()
                    .map(|bytes| (name.to_string(), bytes))
            })
            .collect()
    }
}

/// The editor's identifier in `tauri.conf.json`, which names its folders.
pub const IDENTIFIER: &str = "cn.nianbao.editor";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_in_utc() {
        assert_eq!(utc_stamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_stamp(1_796_687_447), "2026-12-07T23:50:47Z");
        assert_eq!(utc_stamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_stamp(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn a_panic_entry_has_its_place_and_a_scrubbed_message() {
        let e = panic_entry(
            0,
            "nianbao-editor",
            Some("main"),
            Some(Place {
                file: "src-tauri/src/commands.rs",
                line: 120,
                column: 5,
            }),
            Some("index out of bounds: the len is 3 but the index is 7; 机关 孟州市"),
        );
        assert_eq!(
            e,
            "1970-01-01T00:00:00Z nianbao-editor panic [thread main] at src-tauri/src/commands.rs:120:5: index out of bounds: the len is 3 but the index is 7; … …\n"
        );
        let e = panic_entry(0, "nianbao", None, None, None);
        assert!(
            e.contains("[thread ?] at 未知位置: （消息不是文字）"),
            "{e}"
        );
    }

    #[test]
    fn a_window_error_keeps_message_and_stack_lines() {
        let e = ui_entry(
            60,
            "unhandledrejection",
            "TypeError: undefined is not an object (evaluating 'f.value')",
            Some("render@tauri://localhost/assets/index.js:1:20\nmain@tauri://localhost/assets/index.js:2:1"),
        );
        assert_eq!(
            e,
            "1970-01-01T00:01:00Z nianbao-editor unhandledrejection: TypeError: undefined is not an object (evaluating '…')\n    render@tauri://localhost/assets/index.js:1:20\n    main@tauri://localhost/assets/index.js:2:1\n"
        );
        assert!(ui_entry(0, "whatever the page says", "x", None).contains(" ui: x"));
    }

    #[test]
    fn entries_are_capped() {
        // Each part is within its own limit (300 characters, 20 lines of 200): the whole is not.
        let stack = format!("{}\n", "f".repeat(300)).repeat(20);
        let e = ui_entry(0, "error", &"m".repeat(400), Some(&stack));
        assert!(e.len() <= ENTRY_MAX, "{}", e.len());
        assert!(e.ends_with("…\n"));
        let small = ui_entry(0, "error", "m", None);
        assert!(!small.ends_with("…\n"));
    }

    #[test]
    fn rotation_is_due_only_past_the_limit_and_never_for_an_empty_file() {
        assert!(!must_rotate(0, ROTATE_AT * 2));
        assert!(!must_rotate(ROTATE_AT - 100, 100));
        assert!(must_rotate(ROTATE_AT - 100, 101));
        assert!(must_rotate(u64::MAX, 1));
    }

    #[test]
    fn the_log_rotates_into_two_files_and_stays_capped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = Log::new(dir.path().join("logs"));
        assert!(log.files().is_empty());
        let entry = ui_entry(
            0,
            "error",
            &"x".repeat(250),
            Some(&"f@a.js:1:1\n".repeat(20)),
        );
        let n = 3 * ROTATE_AT as usize / entry.len();
        for _ in 0..n {
            log.append(&entry).expect("append");
        }
        let files = log.files();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, FILES);
        for (name, bytes) in &files {
            assert!(bytes.len() as u64 <= ROTATE_AT, "{name}: {}", bytes.len());
        }
        // The older file was filled to the limit before it was moved; nothing else is kept.
        assert!(files[1].1.len() as u64 > ROTATE_AT - entry.len() as u64);
        assert_eq!(
            std::fs::read_dir(log.dir()).expect("dir").count(),
            2,
            "no third file"
        );
    }

    #[test]
    fn a_log_folder_that_cannot_be_made_is_an_error_in_chinese() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("logs");
        std::fs::write(&blocker, "a file, not a folder").expect("write");
        let e = Log::new(blocker.join("inner"))
            .append("x\n")
            .expect_err("no folder");
        assert!(e.to_string().starts_with("无法写入诊断日志"), "{e}");
    }
}
