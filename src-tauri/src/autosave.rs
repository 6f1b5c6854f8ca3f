//! The autosave journal: unsaved work, written every few hundred milliseconds into the app's
//! data folder, so that a crash, a kill or a power cut costs at most the last second of typing.
//!
//! Each running editor owns one journal (`<id>.json`) and holds an exclusive lock on its
//! `<id>.lock` for as long as it runs. The operating system drops the lock when the process dies
//! however it dies, so at start a journal whose lock can be taken belongs to an editor that did
//! not close normally: its work is offered back. No Tauri here; the shell drives it
//! from a tokio task, woken by each change and debounced by [`next_round`].

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use nianbao_core::{load_report, save_report, Report};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;
use tokio::time::Instant;

/// After a change the journal waits for typing to pause this long, so a burst of keystrokes
/// costs one write, not one per key.
pub const QUIET: Duration = Duration::from_millis(150);
/// But never longer than this after the first change it has not written: while someone types
/// on and on, an edit still reaches the disk within this plus one write (under the promised
/// second).
pub const MAX_DELAY: Duration = Duration::from_millis(500);
/// With no change signalled, the shell still looks this often, so a change made by a path that
/// forgot to signal cannot stay unjournalled for long.
pub const IDLE_LOOK: Duration = Duration::from_secs(1);

/// Waits for the next signalled change (or `idle`), then until changes pause for `quiet` or
/// `max` has passed. `Notify` keeps a signal sent while nobody waits, so a change made during a
/// write is not missed.
pub async fn next_round(changed: &Notify, quiet: Duration, max: Duration, idle: Duration) {
    let _ = tokio::time::timeout(idle, changed.notified()).await;
    let deadline = Instant::now() + max;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        if tokio::time::timeout(quiet.min(left), changed.notified())
            .await
            .is_err()
        {
            return;
        }
    }
}

/// The time for a journal entry. Kept here, in the shell, away from the pure core.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[derive(Serialize, Deserialize)]
struct Entry {
    /// Unix milliseconds of the write.
    saved_at_ms: u64,
    /// The file the work belongs to; `None` for a report never saved.
    path: Option<PathBuf>,
    /// The report in the `.nianbao.json` format, so that a journal from an older version of
    /// the app goes through the same loader and migrations as a file.
    report: serde_json::Value,
}

/// This editor's journal.
pub struct Journal {
    dir: PathBuf,
    id: String,
    /// Held until the process ends; never read.
    _lock: File,
    written: bool,
}

fn lock_path(json: &Path) -> PathBuf {
    json.with_extension("lock")
}

impl Journal {
    /// Opens a journal in `dir` (created if needed), named after the process and the time.
    pub fn start(dir: &Path, now_ms: u64) -> std::io::Result<Journal> {
        fs::create_dir_all(dir)?;
        let id = format!("{}-{now_ms}", std::process::id());
        let lock = File::create(dir.join(format!("{id}.lock")))?;
        lock.try_lock().map_err(std::io::Error::other)?;
        Ok(Journal {
            dir: dir.to_path_buf(),
            id,
            _lock: lock,
            written: false,
        })
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(format!("{}.json", self.id))
    }

    pub fn has_entry(&self) -> bool {
        self.written
    }

    /// Writes the unsaved work: temporary file, flush, rename, so a kill in the middle leaves
    /// the previous entry whole.
    pub fn write(
        &mut self,
        path: Option<&Path>,
        report: &Report,
        now_ms: u64,
    ) -> std::io::Result<()> {
        let entry = Entry {
            saved_at_ms: now_ms,
            path: path.map(Path::to_path_buf),
            report: serde_json::from_slice(&save_report(report)).map_err(std::io::Error::other)?,
        };
        let bytes = serde_json::to_vec(&entry).map_err(std::io::Error::other)?;
        let tmp = self.dir.join(format!("{}.tmp", self.id));
        let mut f = File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, self.file())?;
        self.written = true;
        Ok(())
    }

    /// The work was saved or discarded: nothing to recover any more.
    pub fn clear(&mut self) {
        let _ = fs::remove_file(self.file());
        self.written = false;
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // Only the lock goes: a journal still holding work stays for the next start to offer.
        if !self.written {
            let _ = fs::remove_file(self.dir.join(format!("{}.lock", self.id)));
        }
    }
}

/// Unsaved work left by an editor that did not close normally.
pub struct Orphan {
    json: PathBuf,
    pub saved_at_ms: u64,
    pub path: Option<PathBuf>,
    pub report: Report,
}

impl Orphan {
    /// Removes the journal: the work was restored (and is now in this editor's journal) or the
    /// user chose to discard it.
    pub fn discard(self) {
        let _ = fs::remove_file(&self.json);
        let _ = fs::remove_file(lock_path(&self.json));
    }
}

/// Journals in `dir` whose editor is gone, newest first. Journals that cannot be read are left
/// where they are (a person can still look at them), never deleted.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    // Lock files of editors that ended without work to keep (killed before their first entry).
    // Only old ones: an editor starting right now creates its lock file a moment before locking it.
    let old = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 60)
    };
    for lock in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "lock"))
    {
        if old(lock)
            && !lock.with_extension("json").exists()
            && owner_is_gone(&lock.with_extension("json"))
        {
            let _ = fs::remove_file(lock);
        }
    }
    let mut found: Vec<Orphan> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| owner_is_gone(p))
        .filter_map(|json| {
            let bytes = fs::read(&json).ok()?;
            let entry: Entry = serde_json::from_slice(&bytes).ok()?;
            let report = load_report(&serde_json::to_vec(&entry.report).ok()?).ok()?;
            Some(Orphan {
                json,
                saved_at_ms: entry.saved_at_ms,
                path: entry.path,
                report,
            })
        })
        .collect();
    found.sort_by_key(|o| std::cmp::Reverse(o.saved_at_ms));
    found
}

fn owner_is_gone(json: &Path) -> bool {
    let Ok(lock) = File::options().write(true).open(lock_path(json)) else {
        return true; // no lock file: its editor is long gone
    };
    match lock.try_lock() {
        Ok(()) => true,
        Err(TryLockError::WouldBlock) => false,
        Err(TryLockError::Error(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::model::AgencyKind;

    fn report(text: &str) -> Report {
        let mut r = Report::new("某局", AgencyKind::Department, 2023);
        r.apply("overview.active", text).expect("edit");
        r
    }

    /// Runs `next_round` with kicks every `every` for `kicking`, and returns how long it took.
    fn round_with_kicks(every: Duration, kicking: Duration) -> Duration {
        let changed = std::sync::Arc::new(Notify::new());
        tauri::async_runtime::block_on(async {
            let kicker = changed.clone();
            let start = Instant::now();
            changed.notify_one();
            let kicks = tauri::async_runtime::spawn(async move {
                while start.elapsed() < kicking {
                    tokio::time::sleep(every).await;
                    kicker.notify_one();
                }
            });
            let q = Duration::from_millis(40);
            next_round(
                &changed,
                q,
                Duration::from_millis(300),
                Duration::from_secs(30),
            )
            .await;
            let took = start.elapsed();
            let _ = kicks.await;
            took
        })
    }

    #[test]
    fn a_round_starts_when_typing_pauses() {
        // One change, then nothing: written after the quiet time, not after the idle look.
        let took = round_with_kicks(Duration::from_millis(5), Duration::ZERO);
        assert!(took >= Duration::from_millis(40), "{took:?}");
        assert!(took < Duration::from_secs(5), "{took:?}");
    }

    #[test]
    fn endless_typing_still_gets_written_by_the_deadline() {
        // Kicks every 5 ms for 2 s never leave 40 ms of quiet: the 300 ms deadline ends the round.
        let took = round_with_kicks(Duration::from_millis(5), Duration::from_secs(2));
        assert!(took >= Duration::from_millis(300), "{took:?}");
        assert!(took < Duration::from_millis(1500), "{took:?}");
    }

    #[test]
    fn a_signal_sent_while_nobody_waits_is_kept() {
        let changed = Notify::new();
        changed.notify_one();
        let took = tauri::async_runtime::block_on(async {
            let start = Instant::now();
            let q = Duration::from_millis(10);
            next_round(&changed, q, q, Duration::from_secs(30)).await;
            start.elapsed()
        });
        assert!(took < Duration::from_secs(5), "{took:?}");
    }

    #[test]
    fn a_live_journal_is_not_offered_a_dead_one_is() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut live = Journal::start(dir.path(), 1_000).expect("start");
        live.write(Some(Path::new("/x/a.nianbao.json")), &report("甲"), 1_500)
            .expect("write");
        assert!(orphans(dir.path()).is_empty(), "its editor still runs");

        // A dead editor: its lock file exists but nobody holds it.
        let dead = dir.path().join("99-2000.json");
        fs::copy(live.file(), &dead).expect("copy");
        File::create(dir.path().join("99-2000.lock")).expect("lock file");
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].saved_at_ms, 1_500);
        assert_eq!(
            found[0].path.as_deref(),
            Some(Path::new("/x/a.nianbao.json"))
        );
        assert_eq!(found[0].report, report("甲"));
        found.into_iter().for_each(Orphan::discard);
        assert!(!dead.exists() && !dir.path().join("99-2000.lock").exists());
        assert!(live.file().exists(), "the live journal is untouched");
    }

    #[test]
    fn newest_first_unreadable_left_alone_clear_removes() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (id, at, text) in [("1-1", 10, "旧"), ("2-2", 30, "新"), ("3-3", 20, "中")] {
            let e = Entry {
                saved_at_ms: at,
                path: None,
                report: serde_json::from_slice(&save_report(&report(text))).expect("json"),
            };
            fs::write(
                dir.path().join(format!("{id}.json")),
                serde_json::to_vec(&e).expect("json"),
            )
            .expect("write");
        }
        fs::write(dir.path().join("4-4.json"), b"{\"saved_at_ms\": 5, \"trunc").expect("write");
        let found: Vec<u64> = orphans(dir.path()).iter().map(|o| o.saved_at_ms).collect();
        assert_eq!(found, [30, 20, 10]);
        assert!(dir.path().join("4-4.json").exists());

        let mut j = Journal::start(dir.path(), 5).expect("start");
        j.write(None, &report("x"), 6).expect("write");
        assert!(j.file().exists());
        j.clear();
        assert!(!j.file().exists());
        let lock = dir.path().join(format!("{}.lock", j.id));
        drop(j);
        assert!(!lock.exists(), "a clean exit leaves nothing behind");

        // A lock file nobody holds and without a journal is swept at the next start; a held one
        // stays.
        let stale = dir.path().join("77-7.lock");
        let f = File::create(&stale).expect("stale lock");
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(120))
            .expect("age it");
        drop(f);
        let fresh = dir.path().join("78-8.lock");
        File::create(&fresh).expect("fresh lock");
        let live = Journal::start(dir.path(), 8).expect("start");
        let held = dir.path().join(format!("{}.lock", live.id));
        let _ = orphans(dir.path());
        assert!(!stale.exists());
        assert!(
            fresh.exists(),
            "too young to tell from an editor starting up"
        );
        assert!(held.exists());
    }
}
