//! 导出诊断信息: the zip a user sends to whoever supports them. It holds `about.txt` (version,
//! system, web engine, the face chosen for each role of an export, the font cache) and the log
//! files as they are, and nothing else: no report, no recent-files list (file names name
//! agencies), no autosave journal. The user's home folder in a path is written `~` (it holds
//! the user's name). Names in the zip are ASCII, which every unzip tool reads the same.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::log::utc_stamp;
use crate::DiagError;

/// One export role and the face serving it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontLine {
    pub role: String,
    pub family: String,
    pub file: Option<String>,
}

/// What the bundle says about this machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub program: String,
    pub version: String,
    pub os: String,
    /// The web engine and its version (`WebKitGTK 2.48.1`), or why it is not known.
    pub webview: String,
    pub fonts: Vec<FontLine>,
    /// Why no faces were found, when none were.
    pub fonts_problem: Option<String>,
    /// Where the font cache is and what it did this run.
    pub font_cache: String,
    /// When the bundle was made, seconds since 1970.
    pub made_at: i64,
    /// The user's home folder, written `~` wherever it starts a path.
    pub home: Option<String>,
}

pub const ABOUT: &str = "about.txt";

/// `about.txt`'s text.
pub fn about_text(facts: &Facts, logs: &[(String, Vec<u8>)]) -> String {
    let home = |s: &str| hide_home(s, facts.home.as_deref());
    let mut t = String::new();
    t.push_str(&format!("{} 诊断信息\n\n", facts.program));
    t.push_str(&format!("版本：{}\n", facts.version));
    t.push_str(&format!("系统：{}\n", facts.os));
    t.push_str(&format!("网页引擎：{}\n", facts.webview));
    t.push_str(&format!("生成时间：{}\n\n", utc_stamp(facts.made_at)));
    t.push_str("导出时各部分使用的字体：\n");
    match &facts.fonts_problem {
        Some(p) => t.push_str(&format!("  {p}\n")),
        None => {
            for f in &facts.fonts {
                t.push_str(&format!("  {}：{}", f.role, f.family));
                if let Some(file) = &f.file {
                    t.push_str(&format!("（{}）", home(file)));
                }
                t.push('\n');
            }
        }
    }
    if !facts.font_cache.is_empty() {
        t.push_str(&format!("{}\n", home(&facts.font_cache)));
    }
    t.push('\n');
    if logs.is_empty() {
        t.push_str("日志：没有记录（本机的年报编制器还没有出过程序错误）。\n");
    } else {
        let names: Vec<String> = logs
            .iter()
            .map(|(n, b)| format!("{n}（{} 字节）", b.len()))
            .collect();
        t.push_str(&format!(
            "日志：{}。只记程序错误的位置和简短说明，不含年报内容。\n",
            names.join("、")
        ));
    }
    t
}

/// `path` with a leading home folder written `~`.
pub fn hide_home(text: &str, home: Option<&str>) -> String {
    match home {
        Some(h) if h.len() > 1 => text.replace(h, "~"),
        _ => text.to_string(),
    }
}

/// The bundle's files, in order: `about.txt`, then the logs.
pub fn entries(facts: &Facts, logs: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(ABOUT.to_string(), about_text(facts, &logs).into_bytes())];
    out.extend(logs);
    out
}

/// The files zipped (deflated), in memory.
pub fn zip(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DiagError> {
    let failed = |e: &dyn std::fmt::Display| DiagError::Zip(e.to_string());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))?;
    }
    zip.finish().map(Cursor::into_inner).map_err(|e| failed(&e))
}

/// The name offered in the save dialog: `年报编制器诊断信息-2026-12-07.zip`.
pub fn file_name(made_at: i64) -> String {
    format!("年报编制器诊断信息-{}.zip", &utc_stamp(made_at)[..10])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn facts() -> Facts {
        Facts {
            program: "年报编制器".into(),
            version: "0.1.0".into(),
            os: "Debian GNU/Linux 12 (bookworm)，Linux 内核 6.1.0，x86_64".into(),
            webview: "WebKitGTK 2.48.1".into(),
            fonts: vec![
                FontLine {
                    role: "标题".into(),
                    family: "方正小标宋简体".into(),
                    file: Some("/home/lisi/.local/share/fonts/FZXBSJW.TTF".into()),
                },
                FontLine {
                    role: "正文和表格".into(),
                    family: "Noto Serif CJK SC".into(),
                    file: Some("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc".into()),
                },
            ],
            fonts_problem: None,
            font_cache: "字体缓存：/home/lisi/.cache/nianbao/fonts.json。沿用了缓存。".into(),
            made_at: 1_796_687_447,
            home: Some("/home/lisi".into()),
        }
    }

    #[test]
    fn about_names_version_system_engine_and_each_role_s_face() {
        let t = about_text(&facts(), &[("nianbao.log".into(), vec![b'x'; 12])]);
        for want in [
            "版本：0.1.0\n",
            "系统：Debian GNU/Linux 12 (bookworm)，Linux 内核 6.1.0，x86_64\n",
            "网页引擎：WebKitGTK 2.48.1\n",
            "生成时间：2026-12-07T23:50:47Z\n",
            "  标题：方正小标宋简体（~/.local/share/fonts/FZXBSJW.TTF）\n",
            "  正文和表格：Noto Serif CJK SC（/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc）\n",
            "字体缓存：~/.cache/nianbao/fonts.json。",
            "日志：nianbao.log（12 字节）。",
        ] {
            assert!(t.contains(want), "{want} not in\n{t}");
        }
        assert!(!t.contains("lisi"), "the user's name is not sent:\n{t}");
    }

    #[test]
    fn no_fonts_and_no_log_are_said() {
        let mut f = facts();
        f.fonts_problem = Some("找不到中文字体。".into());
        let t = about_text(&f, &[]);
        assert!(t.contains("  找不到中文字体。\n"), "{t}");
        assert!(!t.contains("方正小标宋简体"));
        assert!(t.contains("日志：没有记录"), "{t}");
    }

    #[test]
    fn the_zip_holds_about_then_the_logs_byte_for_byte() {
        let logs = vec![
            ("nianbao.log".to_string(), b"new\n".to_vec()),
            ("nianbao.log.1".to_string(), b"old\n".to_vec()),
        ];
        let bytes = zip(&entries(&facts(), logs)).expect("zip");
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let names: Vec<String> = (0..z.len())
            .map(|i| {
                z.by_index(i)
                    .expect("entry")
                    .name()
                    .expect("name")
                    .to_string()
            })
            .collect();
        assert_eq!(names, [ABOUT, "nianbao.log", "nianbao.log.1"]);
        let mut s = String::new();
        z.by_name("nianbao.log.1")
            .expect("old log")
            .read_to_string(&mut s)
            .expect("read");
        assert_eq!(s, "old\n");
    }

    #[test]
    fn the_offered_name_has_the_day() {
        assert_eq!(
            file_name(1_796_687_447),
            "年报编制器诊断信息-2026-12-07.zip"
        );
    }
}
