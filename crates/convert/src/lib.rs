//! Reading a report file from disk, whatever its form, for the CLI and the editor alike. The
//! importer is pure; what needs the file system or a process lives here: the size check before
//! reading, and old Word `.doc` / WPS `.wps` files converted to `.docx` by LibreOffice
//! (`soffice --headless --convert-to docx`) in a temporary folder, killed after a time limit.

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
/// else `soffice` or `libreoffice` on the PATH, else its usual install folders.
pub fn find_soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NIANBAO_SOFFICE") {
        return (!p.is_empty())
            .then(|| PathBuf::from(p))
            .filter(|p| p.is_file());
    }
    let names: &[&str] = if cfg!(windows) {
        &["soffice.exe", "soffice.com"]
    } else {
        &["soffice", "libreoffice"]
    };
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .collect::<Vec<_>>()
    });
    let usual = [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ]
    .map(PathBuf::from);
    on_path.chain(usual).find(|p| p.is_file())
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
}
