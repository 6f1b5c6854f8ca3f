//! The desk's memory between checks: `.nianbao-desk.json` in the checked folder — the files as
//! they were read, each finding's fingerprint and status (已改正 / 仍存在 / 新出现 / 已说明), the
//! reviewer's 确认 or 驳回 and remark, and which report is the 本级汇总.
//!
//! Pure: bytes in, bytes out, and the comparison of the old state with a new check. Reading and
//! writing the file (atomically, temp + rename) is the caller's job — the CLI's and the shell's —
//! and no function here ever touches a report file: the desk only reads reports.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::{Outcome, Row};
use crate::fingerprint::fingerprints;
use crate::AuditError;

/// The state file's name, in the checked folder.
pub const DESK_FILE: &str = ".nianbao-desk.json";
/// The format this version writes and reads.
pub const DESK_VERSION: u32 = 1;
/// Larger than any desk of real reports (1,000 reports are well under a megabyte): a file this
/// big is something else put there under this name.
const MAX_STATE_BYTES: usize = 64 * 1024 * 1024;

/// A finding's place in the review loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Was in the previous version of the file and is no longer.
    #[serde(rename = "已改正")]
    Fixed,
    /// Was there before and still is.
    #[serde(rename = "仍存在")]
    Open,
    /// Not in the previous version (or the file is new to the desk, or it came back).
    #[serde(rename = "新出现")]
    New,
    /// A 警告 or 提示 the author explained in the report (a written 说明).
    #[serde(rename = "已说明")]
    Explained,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Fixed => "已改正",
            Status::Open => "仍存在",
            Status::New => "新出现",
            Status::Explained => "已说明",
        }
    }
}

/// The reviewer's word on a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", deny_unknown_fields)]
pub enum Decision {
    /// It must be fixed.
    #[serde(rename = "确认")]
    Confirmed,
    /// A false alarm, and why.
    #[serde(rename = "驳回")]
    Rejected { reason: String },
}

/// One finding as the desk remembers it: enough to show it after it was fixed, when the check
/// no longer says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingEntry {
    pub fingerprint: String,
    pub code: String,
    /// 错误 / 警告 / 提示.
    pub severity: String,
    pub location: String,
    pub message: String,
    #[serde(default)]
    pub hint: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remark: String,
    /// The author's written 说明, when the report carries one for this finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// One file as the desk last read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// The path inside the checked folder, with "/" between folders.
    pub name: String,
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_ms: Option<u64>,
    /// A hash of the file's bytes when the caller took one: a copy with a new time is not a
    /// changed file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    #[serde(default)]
    pub agency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u64>,
    /// Why the file could not be read, when it could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    #[serde(default)]
    pub findings: Vec<FindingEntry>,
}

/// The whole desk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeskState {
    pub version: u32,
    /// The 本级汇总 (the government's own report), by its name in the folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<String>,
    /// The government office's own report, when the 本级汇总 includes its figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_office: Option<String>,
    #[serde(default)]
    pub files: Vec<FileEntry>,
}

/// Per report: how many findings stand in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub fixed: usize,
    pub open: usize,
    pub new: usize,
    pub explained: usize,
}

impl Counts {
    pub fn of(entry: &FileEntry) -> Counts {
        let mut c = Counts::default();
        for f in &entry.findings {
            match f.status {
                Status::Fixed => c.fixed += 1,
                Status::Open => c.open += 1,
                Status::New => c.new += 1,
                Status::Explained => c.explained += 1,
            }
        }
        c
    }

    /// "已改正 2，仍存在 1，新出现 0" (已说明 only when there are some).
    pub fn in_words(&self) -> String {
        let mut s = format!(
            "已改正 {}，仍存在 {}，新出现 {}",
            self.fixed, self.open, self.new
        );
        if self.explained > 0 {
            s.push_str(&format!("，已说明 {}", self.explained));
        }
        s
    }
}

/// What a new check did to one report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportChange {
    pub name: String,
    pub agency: String,
    /// The file is not as it was at the previous check.
    pub changed: bool,
    /// The desk had not seen this file before.
    pub first_seen: bool,
    pub counts: Counts,
}

/// What a new check changed on the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub reports: Vec<ReportChange>,
    /// Files the desk knew that are no longer in the folder.
    pub gone: Vec<String>,
}

/// One file of the new check, as the caller found it.
pub struct Seen<'a> {
    /// The path inside the checked folder ([`relative_name`]).
    pub name: String,
    /// A hash of the file's bytes, when the caller read them ([`content_hash`]).
    pub hash: Option<String>,
    pub row: &'a Row,
}

fn desk_error(reason: impl Into<String>) -> AuditError {
    AuditError::DeskState(reason.into())
}

impl DeskState {
    pub fn new() -> DeskState {
        DeskState {
            version: DESK_VERSION,
            ..DeskState::default()
        }
    }

    /// Reads a state file's bytes. Whatever is wrong with them — cut short by a power failure,
    /// not JSON, edited by hand, written by a newer version — comes back as a Chinese sentence.
    pub fn from_json(bytes: &[u8]) -> Result<DeskState, AuditError> {
        if bytes.len() > MAX_STATE_BYTES {
            return Err(desk_error(format!(
                "文件有 {} MB，远大于审核台记录应有的大小，不像是年报编制器写的",
                bytes.len() / (1024 * 1024)
            )));
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(desk_error("文件是空的（可能在写入时中断了）"));
        }
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                desk_error(format!(
                    "文件不完整，在第 {} 行就断了（可能在写入时中断了）",
                    e.line()
                ))
            } else {
                desk_error(format!(
                    "第 {} 行第 {} 列的内容无法识别，文件已损坏或被改坏了",
                    e.line(),
                    e.column()
                ))
            }
        })?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            None => {
                return Err(desk_error(
                    "文件中没有有效的格式版本号，不像是年报编制器写的",
                ))
            }
            Some(v) if v > u64::from(DESK_VERSION) => {
                return Err(desk_error(format!(
                    "它是更新版本的年报编制器写的（格式版本 {v}），这个版本读不了；请升级年报编制器"
                )))
            }
            Some(v) if v != u64::from(DESK_VERSION) => {
                return Err(desk_error(format!("格式版本 {v} 不存在")))
            }
            Some(_) => {}
        }
        let state: DeskState = serde_json::from_value(value).map_err(|e| {
            desk_error(format!(
                "内容不符合审核台记录的格式（可能被手工改过）：{}",
                data_error_in_words(&e.to_string())
            ))
        })?;
        state.checked()
    }

    /// What serde_json cannot: one entry per file and per fingerprint, and a 驳回 with reasons.
    fn checked(self) -> Result<DeskState, AuditError> {
        let mut names = HashSet::new();
        for f in &self.files {
            if !names.insert(f.name.as_str()) {
                return Err(desk_error(format!("文件“{}”记了两次", f.name)));
            }
            let mut prints = HashSet::new();
            for x in &f.findings {
                if !prints.insert(x.fingerprint.as_str()) {
                    return Err(desk_error(format!(
                        "文件“{}”的问题 {} 记了两次",
                        f.name, x.fingerprint
                    )));
                }
                if let Some(Decision::Rejected { reason }) = &x.decision {
                    if reason.trim().is_empty() {
                        return Err(desk_error(format!(
                            "文件“{}”的问题“{}”被驳回却没有写理由",
                            f.name, x.message
                        )));
                    }
                }
            }
        }
        Ok(self)
    }

    /// The bytes to write: pretty JSON, so that a reviewer can read it and a diff is legible.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.name == name)
    }

    fn finding_mut(
        &mut self,
        name: &str,
        fingerprint: &str,
    ) -> Result<&mut FindingEntry, AuditError> {
        let file = self
            .files
            .iter_mut()
            .find(|f| f.name == name)
            .ok_or_else(|| desk_error(format!("审核台上没有文件“{name}”，请先刷新")))?;
        file.findings
            .iter_mut()
            .find(|f| f.fingerprint == fingerprint)
            .ok_or_else(|| desk_error(format!("文件“{name}”中没有这个问题了，请先刷新")))
    }

    /// The reviewer's 确认 or 驳回 (None withdraws it). A 驳回 needs its reason.
    pub fn decide(
        &mut self,
        name: &str,
        fingerprint: &str,
        decision: Option<Decision>,
    ) -> Result<(), AuditError> {
        if let Some(Decision::Rejected { reason }) = &decision {
            if reason.trim().is_empty() {
                return Err(AuditError::RejectWithoutReason);
            }
        }
        let decision = decision.map(|d| match d {
            Decision::Rejected { reason } => Decision::Rejected {
                reason: reason.trim().to_string(),
            },
            other => other,
        });
        self.finding_mut(name, fingerprint)?.decision = decision;
        Ok(())
    }

    /// The reviewer's own remark on a finding (empty removes it).
    pub fn remark(&mut self, name: &str, fingerprint: &str, text: &str) -> Result<(), AuditError> {
        self.finding_mut(name, fingerprint)?.remark = text.trim().to_string();
        Ok(())
    }

    /// The state after a new check of the folder, and what changed. `now` is every file of the
    /// new check. Findings keep their decision and remark through any number of checks.
    pub fn update(&self, now: &[Seen]) -> (DeskState, Comparison) {
        let old: HashMap<&str, &FileEntry> =
            self.files.iter().map(|f| (f.name.as_str(), f)).collect();
        let mut files = Vec::with_capacity(now.len());
        let mut reports = Vec::with_capacity(now.len());
        for seen in now {
            let (entry, change) = next_entry(old.get(seen.name.as_str()).copied(), seen);
            reports.push(change);
            files.push(entry);
        }
        let names: HashSet<&str> = now.iter().map(|s| s.name.as_str()).collect();
        let gone = self
            .files
            .iter()
            .filter(|f| !names.contains(f.name.as_str()))
            .map(|f| f.name.clone())
            .collect();
        let keep = |n: &Option<String>| n.clone().filter(|n| names.contains(n.as_str()));
        let state = DeskState {
            version: DESK_VERSION,
            own: keep(&self.own),
            own_office: keep(&self.own_office),
            files,
        };
        (state, Comparison { reports, gone })
    }
}

impl DeskState {
    /// 刷新: only the files re-checked are given; every other file keeps its entry untouched
    /// (the cost is that of the changed files, not of the desk). A file new to the desk is added.
    pub fn refresh(&mut self, rechecked: &[Seen]) -> Vec<ReportChange> {
        let at: HashMap<String, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.clone(), i))
            .collect();
        rechecked
            .iter()
            .map(|seen| {
                let i = at.get(&seen.name).copied();
                let (entry, change) = next_entry(i.and_then(|i| self.files.get(i)), seen);
                match i {
                    Some(i) => self.files[i] = entry,
                    None => self.files.push(entry),
                }
                change
            })
            .collect()
    }
}

/// One file's next entry and what changed in it.
fn next_entry(before: Option<&FileEntry>, seen: &Seen) -> (FileEntry, ReportChange) {
    let fresh = entry_of(seen);
    let changed = before.is_none_or(|b| !same_file(b, &fresh));
    let entry = match before {
        None => fresh,
        Some(b) => carried(b, fresh, changed),
    };
    let change = ReportChange {
        name: entry.name.clone(),
        agency: entry.agency.clone(),
        changed,
        first_seen: before.is_none(),
        counts: Counts::of(&entry),
    };
    (entry, change)
}

/// serde's words for a hand-edited file ("unknown field `x`", "invalid type") said in Chinese,
/// with the place it names.
fn data_error_in_words(e: &str) -> String {
    let place = e
        .rsplit_once(" at line ")
        .and_then(|(_, rest)| {
            let (line, col) = rest.split_once(" column ")?;
            Some(format!("第 {line} 行第 {} 列", col.trim()))
        })
        .unwrap_or_else(|| "某处".to_string());
    let what = if e.starts_with("unknown field") {
        "有一项这个版本不认识的内容"
    } else if e.starts_with("unknown variant") {
        "有一个不认识的状态或决定（状态只能是 已改正、仍存在、新出现、已说明；决定只能是 确认、驳回）"
    } else if e.starts_with("missing field") {
        "缺少必须有的一项"
    } else if e.starts_with("invalid type") || e.starts_with("invalid value") {
        "有一项的类型不对（例如该写数字的地方写了文字）"
    } else {
        "内容不对"
    };
    format!("{place}{what}")
}

/// The state entry for a file as the new check found it, every finding 新出现 (or 已说明).
fn entry_of(seen: &Seen) -> FileEntry {
    let row = seen.row;
    let (size, modified_ms) = row.stamp.map_or((0, None), |s| {
        (s.size, s.modified_ms.and_then(|m| u64::try_from(m).ok()))
    });
    let mut entry = FileEntry {
        name: seen.name.clone(),
        size,
        modified_ms,
        hash: seen.hash.clone(),
        agency: String::new(),
        year: None,
        unreadable: None,
        findings: Vec::new(),
    };
    match &row.outcome {
        Outcome::Unreadable { reason } => entry.unreadable = Some(reason.clone()),
        Outcome::Checked {
            agency,
            year,
            findings,
            ..
        } => {
            entry.agency = agency.clone();
            entry.year = *year;
            let prints = fingerprints(findings);
            entry.findings = findings
                .iter()
                .zip(prints)
                .map(|(f, fingerprint)| {
                    let explanation = f.explanation.clone();
                    FindingEntry {
                        fingerprint,
                        code: f.code.to_string(),
                        severity: f.severity.label().to_string(),
                        location: f.location.clone(),
                        message: f.message.clone(),
                        hint: f.suggestion.clone(),
                        status: if explanation.is_some() {
                            Status::Explained
                        } else {
                            Status::New
                        },
                        decision: None,
                        remark: String::new(),
                        explanation,
                    }
                })
                .collect();
        }
    }
    entry
}

/// Whether the file is as it was: by its bytes when both checks hashed them, else by size and
/// time (a file without a time is taken as changed: better one needless 仍存在 than a missed
/// correction).
fn same_file(before: &FileEntry, now: &FileEntry) -> bool {
    match (&before.hash, &now.hash) {
        (Some(a), Some(b)) => a == b,
        _ => {
            before.size == now.size
                && before.modified_ms.is_some()
                && before.modified_ms == now.modified_ms
        }
    }
}

/// A finding's status carried from the last round into this one.
///
/// The file did not change (`changed` false): every finding keeps the status it had, and the
/// 已改正 ones stay listed; what the new check says (a rule reworded by an upgrade) replaces the
/// words. The file changed: what is still there is 仍存在, what is gone is 已改正, what is new (or
/// came back after it was fixed) is 新出现; findings fixed at an earlier round are dropped. Either
/// way a 说明 in the report makes it 已说明, and the reviewer's decision and remark stay.
fn carried(before: &FileEntry, mut fresh: FileEntry, changed: bool) -> FileEntry {
    let old: HashMap<&str, &FindingEntry> = before
        .findings
        .iter()
        .map(|f| (f.fingerprint.as_str(), f))
        .collect();
    let now: HashSet<String> = fresh
        .findings
        .iter()
        .map(|f| f.fingerprint.clone())
        .collect();
    for f in &mut fresh.findings {
        if let Some(b) = old.get(f.fingerprint.as_str()) {
            if f.status != Status::Explained {
                f.status = match b.status {
                    Status::Fixed => Status::New,
                    _ if changed => Status::Open,
                    s => s,
                };
            }
            f.decision = b.decision.clone();
            f.remark = b.remark.clone();
        }
    }
    let gone = before
        .findings
        .iter()
        .filter(|b| !now.contains(&b.fingerprint));
    if changed {
        fresh.findings.extend(
            gone.filter(|b| b.status != Status::Fixed)
                .map(|b| FindingEntry {
                    status: Status::Fixed,
                    ..b.clone()
                }),
        );
    } else {
        fresh
            .findings
            .extend(gone.filter(|b| b.status == Status::Fixed).cloned());
    }
    fresh
}

/// A file's name inside the checked folder, "/" between folders on every system (a desk file
/// moved from Windows to 麒麟 still matches). A file outside the folder keeps its whole path.
pub fn relative_name(folder: &Path, file: &Path) -> String {
    let Ok(rel) = file.strip_prefix(folder) else {
        return file.to_string_lossy().into_owned();
    };
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A hash of a file's bytes for [`FileEntry::hash`] (FNV-1a 64, hex; tells versions of one file
/// apart, not a defence against forgery).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", crate::fingerprint::fnv1a(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Finding;
    use crate::stamp::Stamp;
    use nianbao_core::{Severity, Tally};
    use std::path::PathBuf;

    fn finding(code: &'static str, message: &str) -> Finding {
        Finding {
            location: "表三·自然人·本年新收".to_string(),
            severity: Severity::Warning,
            code,
            message: message.to_string(),
            suggestion: "请核对。".to_string(),
            explanation: None,
        }
    }

    fn row(size: u64, findings: Vec<Finding>) -> Row {
        Row {
            file: PathBuf::from("/desk/县统计局.nianbao.json"),
            stamp: Some(Stamp {
                size,
                modified_ms: Some(1_700_000_000_000 + u128::from(size)),
            }),
            outcome: Outcome::Checked {
                agency: "县统计局".to_string(),
                title: String::new(),
                year: Some(2025),
                kind: "政府部门".to_string(),
                tally: Tally::default(),
                first_error: None,
                findings,
                import_notes: 0,
                figures: Default::default(),
            },
        }
    }

    fn seen(row: &Row) -> Seen<'_> {
        Seen {
            name: "县统计局.nianbao.json".to_string(),
            hash: None,
            row,
        }
    }

    fn statuses(state: &DeskState) -> Vec<(String, Status)> {
        state.files[0]
            .findings
            .iter()
            .map(|f| (f.message.clone(), f.status))
            .collect()
    }

    #[test]
    fn a_corrected_file_shows_fixed_open_and_new() {
        let first = row(
            100,
            vec![finding("A", "相差 1。"), finding("B", "相差 2。")],
        );
        let (s1, c1) = DeskState::new().update(&[seen(&first)]);
        assert!(c1.reports[0].first_seen);
        assert_eq!(
            c1.reports[0].counts,
            Counts {
                new: 2,
                ..Counts::default()
            }
        );
        // The reviewer confirms B; the department fixes A, leaves B and makes a new mistake.
        let mut s1 = s1;
        let b = s1.files[0].findings[1].fingerprint.clone();
        s1.decide("县统计局.nianbao.json", &b, Some(Decision::Confirmed))
            .expect("decide");
        let second = row(
            120,
            vec![finding("B", "相差 2。"), finding("C", "相差 3。")],
        );
        let (s2, c2) = s1.update(&[seen(&second)]);
        let r = &c2.reports[0];
        assert!(r.changed && !r.first_seen);
        assert_eq!(
            r.counts,
            Counts {
                fixed: 1,
                open: 1,
                new: 1,
                explained: 0
            }
        );
        assert_eq!(r.counts.in_words(), "已改正 1，仍存在 1，新出现 1");
        assert_eq!(
            statuses(&s2),
            vec![
                ("相差 2。".to_string(), Status::Open),
                ("相差 3。".to_string(), Status::New),
                ("相差 1。".to_string(), Status::Fixed),
            ]
        );
        assert_eq!(s2.files[0].findings[0].decision, Some(Decision::Confirmed));
        // Checking the same file again changes nothing, 已改正 included.
        let (s3, c3) = s2.update(&[seen(&second)]);
        assert!(!c3.reports[0].changed);
        assert_eq!(statuses(&s3), statuses(&s2));
        // The next version fixes B too: A (fixed a round ago) is no longer listed.
        let third = row(130, vec![finding("C", "相差 3。")]);
        let (s4, c4) = s3.update(&[seen(&third)]);
        assert_eq!(
            c4.reports[0].counts,
            Counts {
                fixed: 1,
                open: 1,
                ..Counts::default()
            }
        );
        assert_eq!(
            statuses(&s4),
            vec![
                ("相差 3。".to_string(), Status::Open),
                ("相差 2。".to_string(), Status::Fixed)
            ]
        );
    }

    #[test]
    fn refreshing_the_changed_file_alone_gives_the_same_desk_as_updating_all() {
        let a = row(100, vec![finding("A", "相差 1。")]);
        let mut other = row(50, vec![finding("B", "相差 2。")]);
        other.file = PathBuf::from("/desk/财政局.nianbao.json");
        let other_seen = || Seen {
            name: "财政局.nianbao.json".to_string(),
            hash: None,
            row: &other,
        };
        let (s1, _) = DeskState::new().update(&[seen(&a), other_seen()]);
        let b = row(101, vec![finding("C", "相差 3。")]);
        let (whole, c) = s1.update(&[seen(&b), other_seen()]);
        let mut part = s1.clone();
        let changes = part.refresh(&[seen(&b)]);
        assert_eq!(part, whole);
        assert_eq!(changes, vec![c.reports[0].clone()]);
    }

    #[test]
    fn a_finding_whose_number_changed_is_fixed_and_new() {
        let first = row(100, vec![finding("A", "相差 1。")]);
        let (s1, _) = DeskState::new().update(&[seen(&first)]);
        let second = row(101, vec![finding("A", "相差 4。")]);
        let (_, c) = s1.update(&[seen(&second)]);
        assert_eq!(
            c.reports[0].counts,
            Counts {
                fixed: 1,
                new: 1,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn an_explained_warning_is_explained_and_a_file_copied_with_a_new_time_is_unchanged() {
        let mut explained = finding("A", "相差 1。");
        explained.explanation = Some("本年撤并机构，确实如此。".to_string());
        let r = row(100, vec![explained]);
        let mut s = seen(&r);
        s.hash = Some(content_hash(b"v1"));
        let (s1, c1) = DeskState::new().update(&[s]);
        assert_eq!(c1.reports[0].counts.explained, 1);
        let copied = row(100 /* same size */, vec![finding("A", "相差 1。")]);
        let mut copied = copied;
        copied.stamp = Some(Stamp {
            size: 100,
            modified_ms: Some(1),
        });
        let mut s = seen(&copied);
        s.hash = Some(content_hash(b"v1"));
        let (_, c2) = s1.update(&[s]);
        assert!(!c2.reports[0].changed);
    }

    #[test]
    fn files_gone_are_listed_and_marks_on_them_dropped() {
        let r = row(100, vec![]);
        let (mut s1, _) = DeskState::new().update(&[seen(&r)]);
        s1.own = Some("县统计局.nianbao.json".to_string());
        let (s2, c) = s1.update(&[]);
        assert_eq!(c.gone, vec!["县统计局.nianbao.json".to_string()]);
        assert!(s2.files.is_empty() && s2.own.is_none());
    }

    #[test]
    fn a_rejection_needs_a_reason_and_a_finding_must_exist() {
        let r = row(100, vec![finding("A", "相差 1。")]);
        let (mut s, _) = DeskState::new().update(&[seen(&r)]);
        let fp = s.files[0].findings[0].fingerprint.clone();
        let name = "县统计局.nianbao.json";
        let blank = Some(Decision::Rejected {
            reason: "  ".to_string(),
        });
        assert!(matches!(
            s.decide(name, &fp, blank),
            Err(AuditError::RejectWithoutReason)
        ));
        let why = Some(Decision::Rejected {
            reason: " 该单位本年撤并 ".to_string(),
        });
        s.decide(name, &fp, why).expect("with a reason");
        assert_eq!(
            s.files[0].findings[0].decision,
            Some(Decision::Rejected {
                reason: "该单位本年撤并".to_string()
            })
        );
        s.remark(name, &fp, "已电话联系").expect("remark");
        let e = s.decide(name, "X:0", None).expect_err("no such finding");
        assert!(e.to_string().contains("请先刷新"), "{e}");
        // And the state survives its own round trip.
        assert_eq!(DeskState::from_json(&s.to_json()).expect("reads back"), s);
    }

    fn refused(bytes: &[u8]) -> String {
        let e = DeskState::from_json(bytes).expect_err("refused");
        let words = e.to_string();
        assert!(words.contains(DESK_FILE), "{words}");
        assert!(
            !words.contains("expected") && !words.contains("field"),
            "English leaked: {words}"
        );
        words
    }

    #[test]
    fn a_damaged_or_hand_edited_file_is_a_chinese_sentence() {
        let r = row(100, vec![finding("A", "相差 1。")]);
        let (s, _) = DeskState::new().update(&[seen(&r)]);
        let good = s.to_json();
        // Cut short at every tenth byte: never a panic, always a sentence.
        for cut in (0..good.len() - 2).step_by(10) {
            refused(&good[..cut]);
        }
        assert!(refused(&good[..good.len() / 2]).contains("不完整"));
        assert!(refused(b"").contains("空的"));
        assert!(refused(b"\x00\xffPK garbage").contains("无法识别"));
        assert!(refused(b"[1, 2, 3]").contains("版本号"));
        assert!(refused(br#"{"version": 7, "files": []}"#).contains("更新版本"));
        let text = String::from_utf8(good.clone()).expect("utf-8");
        let unknown_status = text.replace("新出现", "差不多改好了");
        assert!(refused(unknown_status.as_bytes()).contains("不认识的状态"));
        let extra = text.replacen("\"version\": 1", "\"version\": 1, \"colour\": \"red\"", 1);
        assert!(refused(extra.as_bytes()).contains("不认识的内容"));
        let wrong_type = text.replace("\"size\": 100", "\"size\": \"一百\"");
        assert!(refused(wrong_type.as_bytes()).contains("类型不对"));
        let doubled = format!(
            "{{\"version\":1,\"files\":[{0},{0}]}}",
            serde_json::to_string(&s.files[0]).expect("json")
        );
        assert!(refused(doubled.as_bytes()).contains("记了两次"));
        let no_reason = text.replace(
            "\"status\": \"新出现\"",
            "\"status\": \"新出现\", \"decision\": {\"decision\": \"驳回\", \"reason\": \"\"}",
        );
        assert!(refused(no_reason.as_bytes()).contains("没有写理由"));
    }

    #[test]
    fn names_inside_the_folder_use_slashes() {
        let folder = Path::new("/desk");
        assert_eq!(
            relative_name(folder, Path::new("/desk/乡镇/城关镇.docx")),
            "乡镇/城关镇.docx"
        );
        assert_eq!(
            relative_name(folder, Path::new("/elsewhere/a.txt")),
            "/elsewhere/a.txt"
        );
    }
}
