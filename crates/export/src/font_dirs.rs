//! Where fonts live on this machine, and where the font cache is kept. The folders are the ones
//! fontdb's `load_system_fonts` scans (fontconfig's `<dir>`s on Linux), listed here so the cache
//! can watch exactly the folders a scan reads.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// The system's font folders, in scanning order; folders that do not exist are kept (a font
/// folder created later must invalidate the cache).
pub fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs = platform_dirs();
    let mut seen = std::collections::HashSet::new();
    dirs.retain(|d| seen.insert(d.clone()));
    dirs
}

#[cfg(target_os = "windows")]
fn platform_dirs() -> Vec<PathBuf> {
    windows_font_dirs(&|name: &str| std::env::var_os(name))
}

/// A variable of the environment by name, so that the paths of another system can be worked out
/// (and tested) on this one.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<OsString>;

/// Windows' font folders, as fontdb scans them: `%SYSTEMROOT%\Fonts` (`C:\Windows\Fonts\`
/// when unset), where 仿宋_GB2312, 方正小标宋 and the other faces an agency installs for everyone
/// go, and the per-user folders under `%USERPROFILE%` — `AppData\Local\Microsoft\Windows\Fonts`
/// is where Windows 10 (1809 and later) puts a font a user without administrator rights installs
/// by double-clicking it, as is common on locked-down office PCs.
pub fn windows_font_dirs(env: Env) -> Vec<PathBuf> {
    let mut dirs = vec![env("SYSTEMROOT")
        .map(|r| windows_join(&r, &["Fonts"]))
        .unwrap_or_else(|| PathBuf::from("C:\\Windows\\Fonts\\"))];
    if let Some(home) = env("USERPROFILE") {
        dirs.push(windows_join(
            &home,
            &["AppData", "Local", "Microsoft", "Windows", "Fonts"],
        ));
        dirs.push(windows_join(
            &home,
            &["AppData", "Roaming", "Microsoft", "Windows", "Fonts"],
        ));
    }
    dirs
}

/// `base\a\b` with Windows' separator whatever system this runs on (on Windows the same as
/// `PathBuf::join`).
pub fn windows_join(base: &OsStr, parts: &[&str]) -> PathBuf {
    let base = base.to_string_lossy();
    let mut s = base.trim_end_matches(['\\', '/']).to_string();
    for p in parts {
        s.push('\\');
        s.push_str(p);
    }
    PathBuf::from(s)
}

#[cfg(target_os = "macos")]
fn platform_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = ["/Library/Fonts", "/System/Library/Fonts"]
        .iter()
        .map(PathBuf::from)
        .collect();
    if let Ok(entries) = std::fs::read_dir("/System/Library/AssetsV2") {
        for e in entries.flatten() {
            if e.file_name()
                .to_string_lossy()
                .starts_with("com_apple_MobileAsset_Font")
            {
                dirs.push(e.path());
            }
        }
    }
    dirs.push(PathBuf::from("/Network/Library/Fonts"));
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join("Library/Fonts"));
    }
    dirs
}

#[cfg(all(unix, not(target_os = "macos")))]
fn platform_dirs() -> Vec<PathBuf> {
    use std::path::Path;
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut config = fontconfig_parser::FontConfig::default();
    if let Some(file) = std::env::var_os("FONTCONFIG_FILE") {
        let _ = config.merge_config(Path::new(&file));
    } else {
        let xdg = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".config")));
        let read_global = match xdg {
            Some(p) => config
                .merge_config(&p.join("fontconfig/fonts.conf"))
                .is_err(),
            None => true,
        };
        if read_global {
            let _ = config.merge_config(Path::new("/etc/fonts/local.conf"));
        }
        let _ = config.merge_config(Path::new("/etc/fonts/fonts.conf"));
    }
    let dirs: Vec<PathBuf> = config
        .dirs
        .into_iter()
        .filter_map(|d| match d.path.strip_prefix("~") {
            Ok(rest) => home.as_ref().map(|h| h.join(rest)),
            Err(_) => Some(d.path),
        })
        .collect();
    if !dirs.is_empty() {
        return dirs;
    }
    // No fontconfig configuration: the folders fontdb falls back to.
    let mut dirs = vec![
        PathBuf::from("/usr/share/fonts/"),
        PathBuf::from("/usr/local/share/fonts/"),
    ];
    if let Some(h) = home {
        dirs.push(h.join(".fonts"));
        dirs.push(h.join(".local/share/fonts"));
    }
    dirs
}

#[cfg(not(any(unix, target_os = "windows")))]
fn platform_dirs() -> Vec<PathBuf> {
    Vec::new()
}

/// The font cache's file in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux,
/// `%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS); `None` when the system names none.
pub fn default_cache_file() -> Option<PathBuf> {
    cache_root().map(|d| d.join("nianbao").join("fonts.cache"))
}

#[cfg(target_os = "windows")]
fn cache_root() -> Option<PathBuf> {
    windows_cache_root(&|name: &str| std::env::var_os(name))
}

/// Windows' per-user cache folder: `%LOCALAPPDATA%` (not roamed between PCs, as a cache of this
/// machine's fonts must not be), else `%USERPROFILE%\AppData\Local`; a relative value is no folder.
pub fn windows_cache_root(env: Env) -> Option<PathBuf> {
    let absolute = |v: &OsString| {
        let s = v.to_string_lossy();
        let b = s.as_bytes();
        (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/'))
            || s.starts_with("\\\\")
    };
    env("LOCALAPPDATA")
        .filter(absolute)
        .map(PathBuf::from)
        .or_else(|| {
            env("USERPROFILE")
                .filter(absolute)
                .map(|h| windows_join(&h, &["AppData", "Local"]))
        })
}

#[cfg(target_os = "macos")]
fn cache_root() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Library/Caches"))
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn cache_root() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn shown(dirs: &[PathBuf]) -> Vec<String> {
        dirs.iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn windows_fonts_are_the_system_folder_and_the_users_own() {
        let e = env(&[
            ("SYSTEMROOT", r"C:\WINDOWS"),
            ("USERPROFILE", r"C:\Users\张三"),
        ]);
        assert_eq!(
            shown(&windows_font_dirs(&e)),
            [
                r"C:\WINDOWS\Fonts",
                r"C:\Users\张三\AppData\Local\Microsoft\Windows\Fonts",
                r"C:\Users\张三\AppData\Roaming\Microsoft\Windows\Fonts",
            ]
        );
    }

    #[test]
    fn windows_on_another_drive_and_without_a_profile() {
        let e = env(&[("SYSTEMROOT", r"D:\Windows\")]);
        assert_eq!(shown(&windows_font_dirs(&e)), [r"D:\Windows\Fonts"]);
        assert_eq!(shown(&windows_font_dirs(&env(&[]))), [r"C:\Windows\Fonts\"]);
    }

    #[test]
    fn windows_cache_is_local_app_data() {
        let e = env(&[
            ("LOCALAPPDATA", r"C:\Users\李四\AppData\Local"),
            ("USERPROFILE", r"C:\Users\李四"),
        ]);
        let root = windows_cache_root(&e).expect("a folder");
        assert_eq!(root.to_string_lossy(), r"C:\Users\李四\AppData\Local");
        // Without LOCALAPPDATA (a service account, a stripped environment): the profile's.
        let e = env(&[("USERPROFILE", r"C:\Users\李四")]);
        let root = windows_cache_root(&e).expect("a folder");
        assert_eq!(root.to_string_lossy(), r"C:\Users\李四\AppData\Local");
        // A relative or empty value names no folder; nothing is written beside the program.
        assert_eq!(windows_cache_root(&env(&[("LOCALAPPDATA", "cache")])), None);
        assert_eq!(windows_cache_root(&env(&[("LOCALAPPDATA", "")])), None);
        // A profile on a network share.
        let e = env(&[("LOCALAPPDATA", r"\\server\profiles\wang\AppData\Local")]);
        assert!(windows_cache_root(&e).is_some());
    }
}
