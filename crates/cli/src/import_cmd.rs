//! `nianbao import` and `nianbao new --from`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nianbao_core::save_report;
use nianbao_import::Imported;

use crate::{read_any, write_new_file, EXIT_UNREADABLE};

/// Reads a report file of any importable form (old Word through LibreOffice when installed).
pub(crate) fn read_importable(path: &Path) -> Result<Imported, String> {
    nianbao_convert::import_path(path)
}

fn refuse_overwrite(output: &Path, force: bool) -> bool {
    if output.exists() && !force {
        eprintln!(
            "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
            output.display()
        );
        return true;
    }
    false
}

pub(crate) fn import(input: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let output: PathBuf = output.map(Path::to_path_buf).unwrap_or_else(|| {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        input.with_file_name(format!("{stem}.nianbao.json"))
    });
    if refuse_overwrite(&output, force) {
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let imported = match read_importable(input) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("无法导入 {}：{e}", input.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Err(e) = write_new_file(&output, &save_report(&imported.report)) {
        eprintln!("无法写入 {}：{e}", output.display());
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let mut out = format!(
        "已导入《{}》，保存为 {}。\n",
        imported.report.title(),
        output.display()
    );
    if imported.findings.is_empty() {
        out.push_str("所有内容都已放入对应位置。\n");
    } else {
        out.push_str(&format!("有 {} 处需要核对：\n", imported.findings.len()));
        for f in &imported.findings {
            let (at, reason) = f.place(imported.form);
            out.push_str(&format!("  {at}：{reason}\n"));
        }
    }
    out.push_str("报告本身的问题（数字不平衡等）请用 nianbao validate 查看。\n");
    crate::output::emit(&out);
    ExitCode::SUCCESS
}

pub(crate) fn new_from(from: &Path, output: &Path, force: bool) -> ExitCode {
    if refuse_overwrite(output, force) {
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let last = match read_any(from) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("上一年度的年报 {} 无法打开：{e}", from.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let next = last.start_next_year();
    if let Err(e) = write_new_file(output, &save_report(&next)) {
        eprintln!("无法写入 {}：{e}", output.display());
        return ExitCode::from(EXIT_UNREADABLE);
    }
    crate::output::emit(&format!(
        "已新建《{}》：{}\n沿用了上年的机关信息和正文（{} 段，请逐段按本年情况修改）；上年“结转下年度”已填入本年“上年结转”，其余数字请填写本年的；上年的表二、表三、表四已保存为上年数，审核时用于同比核对。\n",
        next.title(),
        output.display(),
        next.drafts.len()
    ));
    ExitCode::SUCCESS
}
