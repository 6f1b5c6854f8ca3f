//! `nianbao export`: the formatted document as PDF, DOCX and/or HTML.

use std::path::Path;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use nianbao_export::{export_docx, export_html, export_pdf, FontSet};

use crate::fonts_cmd;

use crate::{read_any, write_new_file, EXIT_UNREADABLE};

pub(crate) struct Targets<'a> {
    pub pdf: Option<&'a Path>,
    pub docx: Option<&'a Path>,
    pub html: Option<&'a Path>,
}

pub(crate) fn export(
    input: &Path,
    to: Targets,
    created: Option<i64>,
    no_font_cache: bool,
) -> ExitCode {
    if to.pdf.is_none() && to.docx.is_none() && to.html.is_none() {
        eprintln!(
            "请指定要导出的格式，例如 --pdf 年报.pdf、--docx 年报.docx 或 --html 年报.html。"
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let report = match read_any(input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("无法打开 {}：{e}", input.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let created = created.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    let mut msg = String::new();
    let mut failed = false;

    if let Some(path) = to.pdf {
        // Fonts are looked for only when a PDF is wanted: Word and web pages name them.
        let exported = FontSet::load(&fonts_cmd::search(no_font_cache))
            .fonts
            .and_then(|f| export_pdf(&report, &f, created));
        match exported {
            Ok(out) => {
                failed |= !save(path, &out.bytes, "PDF", &mut msg);
                msg.push_str(&format!("  共 {} 页。使用的字体：", out.pages));
                let faces: Vec<String> = out
                    .faces
                    .iter()
                    .map(|(role, family)| format!("{}用 {family}", role.label()))
                    .collect();
                msg.push_str(&format!("{}。\n", faces.join("，")));
                for w in &out.warnings {
                    msg.push_str(&format!("  注意：{w}\n"));
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if let Some(path) = to.docx {
        match export_docx(&report, created) {
            Ok(bytes) => {
                failed |= !save(path, &bytes, " Word 文档", &mut msg);
                msg.push_str("  文档中指定的是公文字体（方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312），没有这些字体的电脑会用相近字体代替。\n");
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if let Some(path) = to.html {
        failed |= !save(path, export_html(&report).as_bytes(), "网页", &mut msg);
    }
    crate::output::emit(&msg);
    if failed {
        ExitCode::from(EXIT_UNREADABLE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one exported file; says so in `msg`, or on stderr when it fails.
fn save(path: &Path, bytes: &[u8], what: &str, msg: &mut String) -> bool {
    match write_new_file(path, bytes) {
        Ok(()) => {
            msg.push_str(&format!(
                "已导出{what}：{}（{} KB）\n",
                path.display(),
                bytes.len().div_ceil(1024)
            ));
            true
        }
        Err(e) => {
            eprintln!("无法写入 {}：{e}", path.display());
            false
        }
    }
}
