//! Where fonts live on this machine, and where the font cache is kept. The folders are the ones
//! fontdb's `load_system_fonts` scans (fontconfig's `<dir>`s on Linux), listed here so the cache
//! can watch exactly the folders a scan reads.

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
    let mut dirs = vec![std::env::var_os("SYSTEMROOT")
        .map(|r| PathBuf::from(r).join("Fonts"))
        .unwrap_or_else(|| PathBuf::from("C:\\Windows\\Fonts\\"))];
    if let Some(home) = std::env::var_os("USERPROFILE") {
        let home = PathBuf::from(home);
        dirs.push(home.join("AppData\\Local\\Microsoft\\Windows\\Fonts"));
        dirs.push(home.join("AppData\\Roaming\\Microsoft\\Windows\\Fonts"));
    }
    dirs
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
    std::env::var_os("LOCALAPPDATA").map(PathBuf::from)
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
