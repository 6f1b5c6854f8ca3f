//! The font cache: what a scan of the font folders found for the export's roles, kept in one
//! small text file so the next start needs no scan. A scan opens every font on the machine
//! (hundreds of MB of names tables on a desktop); checking the cache stats the font folders and
//! the few files it lists.
//!
//! The cache holds, for each face a role may use, its family names, style, weight, stretch, file
//! and face index, with each file's size and modification time, and the modification time of
//! every folder under the font folders. Installing or removing a font changes the time of the
//! folder it is in (or of a folder above a new folder), so any difference means "scan again".
//! The file ends with a checksum of everything before it: a truncated or garbled cache fails it
//! and is rebuilt, never trusted.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use fontdb::{Database, FaceInfo, Language, Source, Stretch, Style, Weight, ID};

const MAGIC: &str = "nianbao-font-cache 1";

/// What a scan saw: the folders and files it depends on, and the faces it found.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    roots: Vec<PathBuf>,
    /// Every folder at or under a root, with its modification time (`None`: it did not exist).
    dirs: Vec<(PathBuf, Option<u128>)>,
    files: Vec<FileStamp>,
    faces: Vec<CachedFace>,
}

#[derive(Debug, PartialEq)]
struct FileStamp {
    path: PathBuf,
    size: u64,
    mtime: u128,
}

#[derive(Debug, PartialEq)]
struct CachedFace {
    /// Index into `Snapshot::files`.
    file: usize,
    index: u32,
    families: Vec<String>,
    post_script_name: String,
    style: Style,
    weight: u16,
    stretch: u16,
    monospaced: bool,
}

/// Why a cache could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stale {
    /// No cache file yet.
    Missing,
    /// The file is truncated, garbled or of another version.
    Damaged,
    /// A font folder or font file changed since it was written.
    Changed,
}

/// Scans `roots` for fonts: every face into `db`, and a snapshot of the faces `keep` accepts
/// (by family name) with the folders and files they came from.
pub fn scan(roots: &[PathBuf], db: &mut Database, keep: impl Fn(&str) -> bool) -> Snapshot {
    // Folders are stamped before the fonts are read: a font added during the scan then leaves
    // a newer folder time behind, and the next start scans again instead of missing it.
    let dirs = stamp_dirs(roots);
    for root in roots {
        db.load_fonts_dir(root);
    }
    let mut files: Vec<FileStamp> = Vec::new();
    let mut faces = Vec::new();
    for info in db.faces() {
        if !info.families.iter().any(|(name, _)| keep(name)) {
            continue;
        }
        let Some(path) = source_path(&info.source) else {
            continue;
        };
        let file = match files.iter().position(|f| f.path == path) {
            Some(i) => i,
            None => {
                let Some((size, mtime)) = file_stamp(path) else {
                    continue;
                };
                files.push(FileStamp {
                    path: path.to_path_buf(),
                    size,
                    mtime,
                });
                files.len() - 1
            }
        };
        faces.push(CachedFace {
            file,
            index: info.index,
            families: info.families.iter().map(|(n, _)| n.clone()).collect(),
            post_script_name: info.post_script_name.clone(),
            style: info.style,
            weight: info.weight.0,
            stretch: info.stretch.to_number(),
            monospaced: info.monospaced,
        });
    }
    Snapshot {
        roots: roots.to_vec(),
        dirs,
        files,
        faces,
    }
}

impl Snapshot {
    /// Whether the folders and files are still as they were for the folders `roots`.
    pub fn check(&self, roots: &[PathBuf]) -> Result<(), Stale> {
        if self.roots != roots {
            return Err(Stale::Changed);
        }
        for (dir, mtime) in &self.dirs {
            if dir_mtime(dir) != *mtime {
                return Err(Stale::Changed);
            }
        }
        for f in &self.files {
            if file_stamp(&f.path) != Some((f.size, f.mtime)) {
                return Err(Stale::Changed);
            }
        }
        Ok(())
    }

    /// A database of the cached faces, as the scan would have filled it for them.
    pub fn database(&self) -> Database {
        let mut db = Database::new();
        for face in &self.faces {
            let Some(file) = self.files.get(face.file) else {
                continue;
            };
            db.push_face_info(FaceInfo {
                id: ID::dummy(),
                source: Source::File(file.path.clone()),
                index: face.index,
                // Matching looks at names only; the language of each name is not kept.
                families: face
                    .families
                    .iter()
                    .map(|n| (n.clone(), Language::English_UnitedStates))
                    .collect(),
                post_script_name: face.post_script_name.clone(),
                style: face.style,
                weight: Weight(face.weight),
                stretch: stretch_of(face.stretch),
                monospaced: face.monospaced,
            });
        }
        db
    }

    /// The cache file's text, or `None` when a path cannot be written in it (not UTF-8).
    pub fn encode(&self) -> Option<String> {
        let mut s = String::new();
        s.push_str(MAGIC);
        s.push('\n');
        for r in &self.roots {
            s.push_str(&format!("root\t{}\n", esc(r.to_str()?)));
        }
        for (d, t) in &self.dirs {
            let t = t.map_or("-".to_string(), |t| t.to_string());
            s.push_str(&format!("dir\t{t}\t{}\n", esc(d.to_str()?)));
        }
        for f in &self.files {
            s.push_str(&format!(
                "file\t{}\t{}\t{}\n",
                f.size,
                f.mtime,
                esc(f.path.to_str()?)
            ));
        }
        for f in &self.faces {
            let style = match f.style {
                Style::Normal => "n",
                Style::Italic => "i",
                Style::Oblique => "o",
            };
            s.push_str(&format!(
                "face\t{}\t{}\t{style}\t{}\t{}\t{}\t{}",
                f.file,
                f.index,
                f.weight,
                f.stretch,
                u8::from(f.monospaced),
                esc(&f.post_script_name)
            ));
            for n in &f.families {
                s.push('\t');
                s.push_str(&esc(n));
            }
            s.push('\n');
        }
        let sum = checksum(s.as_bytes());
        s.push_str(&format!("sum\t{sum:016x}\n"));
        Some(s)
    }

    /// Reads a cache file's text; `None` when it is not one, whole and unchanged.
    pub fn decode(text: &str) -> Option<Snapshot> {
        let body_end = text.strip_suffix('\n')?.rfind('\n')? + 1;
        let (body, last) = text.split_at(body_end);
        let sum = last.strip_prefix("sum\t")?.strip_suffix('\n')?;
        if u64::from_str_radix(sum, 16).ok()? != checksum(body.as_bytes()) {
            return None;
        }
        let mut lines = body.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let mut snap = Snapshot {
            roots: Vec::new(),
            dirs: Vec::new(),
            files: Vec::new(),
            faces: Vec::new(),
        };
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["root", p] => snap.roots.push(PathBuf::from(unesc(p)?)),
                ["dir", t, p] => {
                    let t = if *t == "-" {
                        None
                    } else {
                        Some(t.parse().ok()?)
                    };
                    snap.dirs.push((PathBuf::from(unesc(p)?), t));
                }
                ["file", size, mtime, p] => snap.files.push(FileStamp {
                    path: PathBuf::from(unesc(p)?),
                    size: size.parse().ok()?,
                    mtime: mtime.parse().ok()?,
                }),
                ["face", file, index, style, weight, stretch, mono, ps, families @ ..] => {
                    let file: usize = file.parse().ok()?;
                    if file >= snap.files.len() {
                        return None;
                    }
                    snap.faces.push(CachedFace {
                        file,
                        index: index.parse().ok()?,
                        style: match *style {
                            "n" => Style::Normal,
                            "i" => Style::Italic,
                            "o" => Style::Oblique,
                            _ => return None,
                        },
                        weight: weight.parse().ok()?,
                        stretch: stretch.parse().ok().filter(|s| (1..=9).contains(s))?,
                        monospaced: *mono == "1",
                        post_script_name: unesc(ps)?,
                        families: families.iter().map(|n| unesc(n)).collect::<Option<_>>()?,
                    });
                }
                _ => return None,
            }
        }
        Some(snap)
    }
}

/// Reads the cache at `path` if it is whole and still matches the font folders `roots`.
pub fn load(path: &Path, roots: &[PathBuf]) -> Result<Snapshot, Stale> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Stale::Missing),
        Err(_) => return Err(Stale::Damaged),
    };
    let snap = std::str::from_utf8(&bytes)
        .ok()
        .and_then(Snapshot::decode)
        .ok_or(Stale::Damaged)?;
    snap.check(roots)?;
    Ok(snap)
}

/// Writes the cache atomically: a temporary file beside it, renamed over it, so a reader never
/// sees half a cache (and a crash leaves the old one or none).
pub fn save(path: &Path, snap: &Snapshot) -> io::Result<()> {
    let text = snap.encode().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidData, "a font path is not valid UTF-8")
    })?;
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no folder"))?;
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".fonts.cache.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Each folder at or under `roots` with its time, following links once (a folder reached twice
/// is stamped once, so a link loop ends).
fn stamp_dirs(roots: &[PathBuf]) -> Vec<(PathBuf, Option<u128>)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<PathBuf> = roots.iter().rev().cloned().collect();
    while let Some(dir) = stack.pop() {
        let canonical = fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        if !seen.insert(canonical) {
            continue;
        }
        let mtime = dir_mtime(&dir);
        out.push((dir.clone(), mtime));
        if mtime.is_none() {
            continue;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut subdirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_dir()))
            .collect();
        subdirs.sort();
        stack.extend(subdirs.into_iter().rev());
    }
    out
}

fn dir_mtime(dir: &Path) -> Option<u128> {
    let m = fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    Some(nanos(m.modified().ok()?))
}

fn file_stamp(path: &Path) -> Option<(u64, u128)> {
    let m = fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some((m.len(), nanos(m.modified().ok()?)))
}

fn nanos(t: std::time::SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn source_path(source: &Source) -> Option<&Path> {
    match source {
        Source::File(p) | Source::SharedFile(p, _) => Some(p),
        Source::Binary(_) => None,
    }
}

fn stretch_of(n: u16) -> Stretch {
    match n {
        1 => Stretch::UltraCondensed,
        2 => Stretch::ExtraCondensed,
        3 => Stretch::Condensed,
        4 => Stretch::SemiCondensed,
        6 => Stretch::SemiExpanded,
        7 => Stretch::Expanded,
        8 => Stretch::ExtraExpanded,
        9 => Stretch::UltraExpanded,
        _ => Stretch::Normal,
    }
}

/// FNV-1a: enough to tell a damaged file from a whole one (the cache guards against accidents,
/// not against an adversary who can write the user's cache folder anyway).
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unesc(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        Snapshot {
            roots: vec![PathBuf::from("/fonts"), PathBuf::from("/home/u/.fonts")],
            dirs: vec![
                (PathBuf::from("/fonts"), Some(1_700_000_000_123_456_789)),
                (PathBuf::from("/home/u/.fonts"), None),
            ],
            files: vec![FileStamp {
                path: PathBuf::from("/fonts/a\tb.ttc"),
                size: 25_000_000,
                mtime: 42,
            }],
            faces: vec![CachedFace {
                file: 0,
                index: 2,
                families: vec!["Noto Serif CJK SC".into(), "思源宋体".into()],
                post_script_name: "NotoSerifCJKsc-Regular".into(),
                style: Style::Normal,
                weight: 400,
                stretch: 5,
                monospaced: false,
            }],
        }
    }

    #[test]
    fn a_cache_reads_back_as_written() {
        let text = sample().encode().expect("utf-8 paths");
        assert_eq!(Snapshot::decode(&text), Some(sample()));
    }

    #[test]
    fn a_cut_or_changed_cache_is_refused() {
        let text = sample().encode().expect("utf-8 paths");
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                assert_eq!(Snapshot::decode(&text[..cut]), None, "cut at {cut}");
            }
        }
        let changed = text.replacen("25000000", "25000001", 1);
        assert_eq!(Snapshot::decode(&changed), None);
        assert_eq!(Snapshot::decode("garbage\nsum\t0\n"), None);
    }
}
