//! Reading a report file from disk, whatever its form, for the CLI and the editor alike. The
//! importer is pure; what needs the file system or a process lives here: the size check before
//! reading, and old Word `.doc` / WPS `.wps` files converted to `.docx` by LibreOffice
//! (`soffice --headless --convert-to docx`) in a temporary folder, killed after a time limit.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nianbao_core::error::io_reason;
use nianbao_import::{import_bytes, ImportError, Imported, MAX_FILE_BYTES};

/// LibreOffice converts a report in 2–5 s (most of it starting up); past this it is stuck.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("这是旧版 Word（.doc）或 WPS（.wps）文件，本机没有安装 LibreOffice，无法自动转换。请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（.docx）”，再导入保存的 .docx 文件。")]
    NoLibreOffice,
    #[error("LibreOffice 转换这个文件超过了 {secs} 秒，已停止。请在 Word 或 WPS 中打开它，“另存为” Word 文档（.docx）后再导入。")]
    Timeout { secs: u64 },
    #[error("LibreOffice 没能转换这个文件（{why}）。文件可能已损坏；请在 Word 或 WPS 中打开它，“另存为” Word 文档（.docx）后再导入。")]
    Failed { why: String },
}

/// Where LibreOffice is: `NIANBAO_SOFFICE` when set (an empty value means "none", for tests),
/// else the first of [`soffice_candidates`] that is a file — on Windows after asking the
/// registry where LibreOffice's installer said it put `soffice.exe` ([`registered_soffice`]).
pub fn find_soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NIANBAO_SOFFICE") {
        return (!p.is_empty())
            .then(|| PathBuf::from(p))
            .filter(|p| p.is_file());
    }
    let env = |name: &str| std::env::var_os(name);
    soffice_candidates(&env, cfg!(windows), registered_soffice())
        .into_iter()
        .find(|p| p.is_file())
}

/// A variable of the environment by name, so that another system's lookup can be worked out (and
/// tested) on this one.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<OsString>;

/// Every place LibreOffice's `soffice` may be, in the order they are tried: the folders on `PATH`,
/// then — on Windows — the path the registry's App Paths key names, and the install folders
/// under `%ProgramFiles%`, `%ProgramW6432%` (the 64-bit one, seen from a 32-bit process) and
/// `%ProgramFiles(x86)%` (a 32-bit LibreOffice), then the default folders of each system.
pub fn soffice_candidates(env: Env, windows: bool, registered: Option<PathBuf>) -> Vec<PathBuf> {
    let names: &[&str] = if windows {
        &["soffice.exe", "soffice.com"]
    } else {
        &["soffice", "libreoffice"]
    };
    let mut out = Vec::new();
    if let Some(path) = env("PATH") {
        for dir in split_path_list(&path.to_string_lossy(), windows) {
            for n in names {
                out.push(join(&dir, &[n], windows));
            }
        }
    }
    if windows {
        out.extend(registered);
        for var in ["ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"] {
            if let Some(root) = env(var).filter(|v| !v.is_empty()) {
                let p = join(
                    &root.to_string_lossy(),
                    &["LibreOffice", "program", "soffice.exe"],
                    true,
                );
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        for p in [
            r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        ] {
            let p = PathBuf::from(p);
            if !out.contains(&p) {
                out.push(p);
            }
        }
    } else {
        out.extend(
            [
                "/usr/bin/soffice",
                "/usr/lib/libreoffice/program/soffice",
                "/opt/libreoffice/program/soffice",
                "/Applications/LibreOffice.app/Contents/MacOS/soffice",
            ]
            .map(PathBuf::from),
        );
    }
    out
}

/// A `PATH` value's folders: `;`-separated on Windows (where a folder may be written in quotes),
/// `:` elsewhere; empty entries are no folder.
fn split_path_list(value: &str, windows: bool) -> Vec<String> {
    value
        .split(if windows { ';' } else { ':' })
        .map(|d| {
            if windows {
                d.trim().trim_matches('"')
            } else {
                d
            }
        })
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect()
}

/// `dir` and `parts` joined with the separator of the system the path is for.
fn join(dir: &str, parts: &[&str], windows: bool) -> PathBuf {
    let sep = if windows { '\\' } else { '/' };
    let mut s = if windows {
        dir.trim_end_matches(['\\', '/']).to_string()
    } else {
        dir.trim_end_matches('/').to_string()
    };
    for p in parts {
        s.push(sep);
        s.push_str(p);
    }
    PathBuf::from(s)
}

/// The registry key LibreOffice's Windows installer writes, whose default value is the full path
/// of `soffice.exe` (per machine, or per user for a per-user install).
pub const APP_PATHS_KEYS: [&str; 2] = [
    r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe",
    r"HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe",
];

/// Where the registry says `soffice.exe` is, asked with `reg query KEY /ve` (Windows only;
/// `None` elsewhere, and when neither key is there).
#[cfg(windows)]
pub fn registered_soffice() -> Option<PathBuf> {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    let env = |name: &str| std::env::var_os(name);
    APP_PATHS_KEYS.iter().find_map(|key| {
        let out = Command::new("reg")
            .args(["query", *key, "/ve"])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .creation_flags(CREATE_NO_WINDOW)
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        parse_reg_default(&String::from_utf8_lossy(&out.stdout), &env)
    })
}

#[cfg(not(windows))]
pub fn registered_soffice() -> Option<PathBuf> {
    None
}

/// The default value in `reg query KEY /ve` output — a line "    (默认)    REG_SZ    C:\…" (the
/// name is in the system's language, so it is found by its type) — with `%VAR%`s expanded for a
/// REG_EXPAND_SZ and surrounding quotes removed.
pub fn parse_reg_default(output: &str, env: Env) -> Option<PathBuf> {
    output.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        let kind = words.find(|w| *w == "REG_SZ" || *w == "REG_EXPAND_SZ")?;
        let at = line.find(kind)? + kind.len();
        let value = line[at..].trim().trim_matches('"');
        if value.is_empty() {
            return None;
        }
        let value = if kind == "REG_EXPAND_SZ" {
            expand_windows_vars(value, env)
        } else {
            value.to_string()
        };
        Some(PathBuf::from(value))
    })
}

/// `%ProgramFiles%\x` with each variable the environment has replaced; unknown ones stay as
/// written (as Windows leaves them).
fn expand_windows_vars(value: &str, env: Env) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find('%') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('%') {
            Some(end) => {
                let name = &after[..end];
                match env(name).filter(|_| !name.is_empty()) {
                    Some(v) => out.push_str(&v.to_string_lossy()),
                    None => {
                        out.push('%');
                        out.push_str(name);
                        out.push('%');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// "file:///tmp/x%20y" for LibreOffice's -env:UserInstallation.
fn file_url(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if s.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Ends the converter and whatever it started (soffice is a script that starts soffice.bin).
fn kill(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    // soffice.exe starts soffice.bin, which ending soffice.exe alone leaves running.
    #[cfg(windows)]
    {
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &child.id().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// An old Word or WPS file converted to .docx by LibreOffice, in a temporary folder removed
/// afterwards; the original is only read.
pub fn old_word_to_docx(
    input: &Path,
    soffice: &Path,
    limit: Duration,
) -> Result<Vec<u8>, ConvertError> {
    let failed = |why: String| ConvertError::Failed { why };
    let tmp = tempfile::Builder::new()
        .prefix("nianbao-convert-")
        .tempdir()
        .map_err(|e| failed(io_reason(&e)))?;
    // A plain copy name: LibreOffice reads by content, and odd characters in the user's file
    // name never reach its command line.
    let copy = tmp.path().join("report.doc");
    std::fs::copy(input, &copy).map_err(|e| failed(io_reason(&e)))?;
    let out = tmp.path().join("out");
    // Its own profile, so that a LibreOffice the user has open neither takes the job over
    // (and returns at once without converting) nor is disturbed.
    let profile = file_url(&tmp.path().join("profile"));
    let mut cmd = Command::new(soffice);
    cmd.arg("--headless")
        .arg("--norestore")
        .arg("--nolockcheck")
        .arg(format!("-env:UserInstallation={profile}"))
        .arg("--convert-to")
        .arg("docx")
        .arg("--outdir")
        .arg(&out)
        .arg(&copy)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().map_err(|e| failed(io_reason(&e)))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                kill(&mut child);
                return Err(ConvertError::Timeout {
                    secs: limit.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                kill(&mut child);
                return Err(failed(io_reason(&e)));
            }
        }
    };
    let docx = out.join("report.docx");
    let mut bytes = Vec::new();
    match std::fs::File::open(&docx) {
        Ok(f) => f
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| failed(io_reason(&e)))?,
        Err(_) => return Err(failed(format!("没有生成 .docx 文件，退出状态 {status}"))),
    };
    Ok(bytes)
}

/// Reads and imports a report file of any form (text, .docx, .doc, .wps, web page); the file
/// is only read. The error is a Chinese sentence for the user.
pub fn import_path(path: &Path) -> Result<Imported, String> {
    import_path_with(path, find_soffice().as_deref(), TIME_LIMIT)
}

/// [`import_path`] with the converter given (None: no LibreOffice on this machine).
pub fn import_path_with(
    path: &Path,
    soffice: Option<&Path>,
    limit: Duration,
) -> Result<Imported, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ImportError::FileTooLarge {
            size_mb: meta.len().div_ceil(1024 * 1024),
        }
        .to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    match import_bytes(&bytes, name.as_deref()) {
        Err(ImportError::OldWord) => {
            let soffice = soffice.ok_or_else(|| ConvertError::NoLibreOffice.to_string())?;
            let docx = old_word_to_docx(path, soffice, limit).map_err(|e| e.to_string())?;
            import_bytes(&docx, None).map_err(|e| e.to_string())
        }
        other => other.map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_for_profiles() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/年")),
            "file:///tmp/a%20b/%E5%B9%B4"
        );
        assert_eq!(file_url(Path::new(r"C:\Users\x\p")), "file:///C:/Users/x/p");
    }

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: std::collections::HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn shown(paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn windows_soffice_on_path_registry_and_program_files() {
        let e = env(&[
            (
                "PATH",
                r#"C:\Windows\system32;"D:\Tools\LO\program\";;C:\bin\"#,
            ),
            ("ProgramFiles", r"C:\Program Files"),
            ("ProgramW6432", r"C:\Program Files"),
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
        ]);
        let registered = Some(PathBuf::from(r"E:\LibreOffice\program\soffice.exe"));
        assert_eq!(
            shown(&soffice_candidates(&e, true, registered)),
            [
                r"C:\Windows\system32\soffice.exe",
                r"C:\Windows\system32\soffice.com",
                r"D:\Tools\LO\program\soffice.exe",
                r"D:\Tools\LO\program\soffice.com",
                r"C:\bin\soffice.exe",
                r"C:\bin\soffice.com",
                r"E:\LibreOffice\program\soffice.exe",
                r"C:\Program Files\LibreOffice\program\soffice.exe",
                r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
            ]
        );
    }

    #[test]
    fn windows_on_another_drive_keeps_the_default_folders_last() {
        let e = env(&[("ProgramFiles", r"D:\Programme")]);
        assert_eq!(
            shown(&soffice_candidates(&e, true, None)),
            [
                r"D:\Programme\LibreOffice\program\soffice.exe",
                r"C:\Program Files\LibreOffice\program\soffice.exe",
                r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
            ]
        );
    }

    #[test]
    fn unix_soffice_on_path_then_the_usual_folders() {
        let e = env(&[("PATH", "/usr/local/bin::/opt/x/")]);
        let got = shown(&soffice_candidates(&e, false, None));
        assert_eq!(
            got[..4],
            [
                "/usr/local/bin/soffice",
                "/usr/local/bin/libreoffice",
                "/opt/x/soffice",
                "/opt/x/libreoffice"
            ]
        );
        assert!(got.contains(&"/usr/lib/libreoffice/program/soffice".to_string()));
        assert!(!got.iter().any(|p| p.contains('\\')));
    }

    #[test]
    fn the_registry_default_value_in_any_language() {
        let e = env(&[("ProgramFiles", r"C:\Program Files")]);
        let zh = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\soffice.exe\r\n    (默认)    REG_SZ    C:\\Program Files\\LibreOffice\\program\\soffice.exe\r\n\r\n";
        assert_eq!(
            parse_reg_default(zh, &e),
            Some(PathBuf::from(
                r"C:\Program Files\LibreOffice\program\soffice.exe"
            ))
        );
        let en = "HKEY_CURRENT_USER\\x\n    (Default)    REG_EXPAND_SZ    \"%ProgramFiles%\\LibreOffice\\program\\soffice.exe\"\n";
        assert_eq!(
            parse_reg_default(en, &e),
            Some(PathBuf::from(
                r"C:\Program Files\LibreOffice\program\soffice.exe"
            ))
        );
        // A key without a default value, or no key at all.
        assert_eq!(
            parse_reg_default("HKEY_LOCAL_MACHINE\\x\n    (默认)    REG_SZ\n", &e),
            None
        );
        assert_eq!(parse_reg_default("", &e), None);
    }

    #[test]
    fn windows_variables_expand_and_unknown_ones_stay() {
        let e = env(&[("ProgramFiles", r"C:\PF")]);
        assert_eq!(expand_windows_vars(r"%ProgramFiles%\a", &e), r"C:\PF\a");
        assert_eq!(expand_windows_vars(r"%NOPE%\a %", &e), r"%NOPE%\a %");
        assert_eq!(expand_windows_vars("100%%", &e), "100%%");
    }
}
