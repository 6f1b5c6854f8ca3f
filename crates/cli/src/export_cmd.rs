//! `nianbao export`: the formatted document.

use std::path::Path;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use nianbao_export::{export_pdf, FontSet};

use crate::{read_any, write_new_file, EXIT_UNREADABLE};

pub(crate) fn export(input: &Path, pdf: Option<&Path>, created: Option<i64>) -> ExitCode {
    let Some(pdf) = pdf else {
        eprintln!("请指定要导出的格式，例如 --pdf 年报.pdf。");
        return ExitCode::from(EXIT_UNREADABLE);
    };
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
    let fonts = match FontSet::discover() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let out = match export_pdf(&report, &fonts, created) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Err(e) = write_new_file(pdf, &out.bytes) {
        eprintln!("无法写入 {}：{e}", pdf.display());
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let mut msg = format!(
        "已导出 PDF：{}（{} 页，{} KB）\n使用的字体：\n",
        pdf.display(),
        out.pages,
        out.bytes.len().div_ceil(1024)
    );
    for (role, family) in &out.faces {
        msg.push_str(&format!("  {}：{family}\n", role.label()));
    }
    for w in &out.warnings {
        msg.push_str(&format!("注意：{w}\n"));
    }
    crate::output::emit(&msg);
    ExitCode::SUCCESS
}
