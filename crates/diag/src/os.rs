//! The system the program runs on, in one line: name, version, processor. Each system says it in
//! its own text (`/etc/os-release`, `reg query` of Windows' CurrentVersion key, `sw_vers`);
//! those texts are parsed by pure functions tested on any system, and only [`describe`] asks the
//! machine.

/// `PRETTY_NAME` of an os-release file (`Debian GNU/Linux 12 (bookworm)`), else `NAME VERSION`.
pub fn parse_os_release(text: &str) -> Option<String> {
    let value = |key: &str| {
        text.lines().find_map(|l| {
            let v = l.trim().strip_prefix(key)?.strip_prefix('=')?;
            let v = v.trim().trim_matches('"').trim_matches('\'').trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    };
    value("PRETTY_NAME").or_else(|| {
        let name = value("NAME")?;
        Some(match value("VERSION") {
            Some(v) => format!("{name} {v}"),
            None => name,
        })
    })
}

/// Windows' name and build from `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"`:
/// `Windows 11 Pro 23H2（内部版本 22631.4602）`. Windows 11 still writes `Windows 10` in
/// ProductName; its builds start at 22000, so the build decides.
pub fn parse_windows_version(output: &str) -> Option<String> {
    let value = |name: &str| {
        output.lines().find_map(|line| {
            let mut words = line.split_whitespace();
            if words.next()? != name {
                return None;
            }
            let kind = words.next()?;
            let at = line.find(kind)? + kind.len();
            let v = line[at..].trim();
            (!v.is_empty()).then(|| (kind.to_string(), v.to_string()))
        })
    };
    let product = value("ProductName").map(|(_, v)| v)?;
    let build = value("CurrentBuildNumber")
        .or_else(|| value("CurrentBuild"))
        .map(|(_, v)| v);
    let product = match build.as_deref().and_then(|b| b.parse::<u32>().ok()) {
        Some(n) if n >= 22_000 => product.replacen("Windows 10", "Windows 11", 1),
        _ => product,
    };
    let mut out = product;
    if let Some((_, release)) = value("DisplayVersion").or_else(|| value("ReleaseId")) {
        out.push(' ');
        out.push_str(&release);
    }
    if let Some(build) = build {
        // UBR, the update's number, is a REG_DWORD: `0x11ea`.
        let ubr = value("UBR").and_then(|(_, v)| {
            u32::from_str_radix(v.trim_start_matches("0x").trim_start_matches("0X"), 16).ok()
        });
        match ubr {
            Some(u) => out.push_str(&format!("（内部版本 {build}.{u}）")),
            None => out.push_str(&format!("（内部版本 {build}）")),
        }
    }
    Some(out)
}

/// `macOS 14.5（23F79）` from `sw_vers`' `ProductName:`, `ProductVersion:`, `BuildVersion:`.
pub fn parse_sw_vers(output: &str) -> Option<String> {
    let value = |key: &str| {
        output.lines().find_map(|l| {
            let v = l.trim().strip_prefix(key)?.strip_prefix(':')?.trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    };
    let name = value("ProductName")?;
    let mut out = match value("ProductVersion") {
        Some(v) => format!("{name} {v}"),
        None => name,
    };
    if let Some(b) = value("BuildVersion") {
        out.push_str(&format!("（{b}）"));
    }
    Some(out)
}

/// This system in one line, with the processor (`x86_64`, `aarch64`, `loongarch64`).
pub fn describe() -> String {
    let arch = std::env::consts::ARCH;
    match system_name() {
        Some(name) => format!("{name}，{arch}"),
        None => format!("{}（版本未知），{arch}", std::env::consts::OS),
    }
}

#[cfg(target_os = "linux")]
fn system_name() -> Option<String> {
    let release = ["/etc/os-release", "/usr/lib/os-release"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| parse_os_release(&t));
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .ok()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty());
    match (release, kernel) {
        (Some(r), Some(k)) => Some(format!("{r}，Linux 内核 {k}")),
        (Some(r), None) => Some(r),
        (None, Some(k)) => Some(format!("Linux 内核 {k}")),
        (None, None) => None,
    }
}

#[cfg(windows)]
fn system_name() -> Option<String> {
    use std::os::windows::process::CommandExt;
    use std::process::{Command, Stdio};
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    let out = Command::new("reg")
        .args([
            "query",
            r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .creation_flags(CREATE_NO_WINDOW)
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    parse_windows_version(&String::from_utf8_lossy(&out.stdout))
}

#[cfg(target_os = "macos")]
fn system_name() -> Option<String> {
    let out = std::process::Command::new("sw_vers")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    parse_sw_vers(&String::from_utf8_lossy(&out.stdout))
}

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
fn system_name() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_release_pretty_name_or_name_and_version() {
        let debian = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n";
        assert_eq!(
            parse_os_release(debian).as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
        let kylin =
            "NAME=\"Kylin\"\nVERSION=\"银河麒麟桌面操作系统V10 (SP1)\"\nVERSION_ID=\"v10\"\n";
        assert_eq!(
            parse_os_release(kylin).as_deref(),
            Some("Kylin 银河麒麟桌面操作系统V10 (SP1)")
        );
        assert_eq!(parse_os_release("ID=x\n"), None);
    }

    #[test]
    fn windows_11_is_told_by_its_build() {
        let out = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    \
                   SystemRoot    REG_SZ    C:\\WINDOWS\r\n    \
                   CurrentBuild    REG_SZ    22631\r\n    \
                   CurrentBuildNumber    REG_SZ    22631\r\n    \
                   DisplayVersion    REG_SZ    23H2\r\n    \
                   ProductName    REG_SZ    Windows 10 Pro\r\n    \
                   ReleaseId    REG_SZ    2009\r\n    \
                   UBR    REG_DWORD    0x11ea\r\n";
        assert_eq!(
            parse_windows_version(out).as_deref(),
            Some("Windows 11 Pro 23H2（内部版本 22631.4586）")
        );
        let win10 = "    ProductName    REG_SZ    Windows 10 Enterprise LTSC 2019\r\n    \
                     CurrentBuild    REG_SZ    17763\r\n    ReleaseId    REG_SZ    1809\r\n";
        assert_eq!(
            parse_windows_version(win10).as_deref(),
            Some("Windows 10 Enterprise LTSC 2019 1809（内部版本 17763）")
        );
        assert_eq!(
            parse_windows_version("    CurrentBuild    REG_SZ    1\r\n"),
            None
        );
    }

    #[test]
    fn sw_vers_name_version_build() {
        let out = "ProductName:\t\tmacOS\nProductVersion:\t\t14.5\nBuildVersion:\t\t23F79\n";
        assert_eq!(parse_sw_vers(out).as_deref(), Some("macOS 14.5（23F79）"));
        assert_eq!(parse_sw_vers(""), None);
    }

    #[test]
    fn this_system_is_described_with_its_processor() {
        let d = describe();
        assert!(d.ends_with(std::env::consts::ARCH), "{d}");
        #[cfg(target_os = "linux")]
        assert!(d.contains("Linux 内核"), "{d}");
    }
}
