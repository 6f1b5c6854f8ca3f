//! `nianbao attach-last-year` and `nianbao compare`: this year's report beside last year's.

use std::path::Path;
use std::process::ExitCode;

use nianbao_core::save_report;

use crate::{read_any, read_report, write_new_file, EXIT_UNREADABLE};

/// Keeps LAST's tables in THIS as last year's figures, written back to THIS or to `output`.
pub(crate) fn attach(this: &Path, last: &Path, output: Option<&Path>, force: bool) -> ExitCode {
    let target = output.unwrap_or(this);
    if output.is_some() && target.exists() && !force {
        eprintln!(
            "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
            target.display()
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let mut report = match read_report(this) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("年报 {} 无法打开：{e}", this.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let previous = match read_any(last) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("上一年度的年报 {} 无法打开：{e}", last.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    if let Err(e) = report.attach_last_year(&previous) {
        eprintln!("{e}");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    if let Err(e) = write_new_file(target, &save_report(&report)) {
        eprintln!("无法写入 {}：{e}", target.display());
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let mut out = format!(
        "已把《{}》的表二、表三、表四和收费金额作为上年数保存在《{}》中：{}\n",
        previous.title(),
        report.title(),
        target.display()
    );
    if previous.meta.agency.trim() != report.meta.agency.trim() {
        out.push_str(&format!(
            "注意：两份报告的机关名称不同（“{}”和“{}”）；如不是同一机关（例如机构改革后更名），请换用本机关的上年年报。\n",
            previous.meta.agency.trim(),
            report.meta.agency.trim()
        ));
    }
    out.push_str(
        "此后审核时会与上年数比较（同比变化、上年结转、现行有效件数），不再需要上年的文件。\n",
    );
    crate::output::emit(&out);
    ExitCode::SUCCESS
}
