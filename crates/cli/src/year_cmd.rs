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

/// Prints two years side by side: every cell of tables 二, 三 and 四 and the fee.
pub(crate) fn compare(a: &Path, b: &Path, json: bool) -> ExitCode {
    let read = |p: &Path| {
        read_any(p).map_err(|e| {
            eprintln!("年报 {} 无法打开：{e}", p.display());
        })
    };
    let (Ok(first), Ok(second)) = (read(a), read(b)) else {
        return ExitCode::from(EXIT_UNREADABLE);
    };
    // Either order: the earlier year is last year.
    let (last, this) = match (first.meta.year(), second.meta.year()) {
        (Some(x), Some(y)) if x > y => (&second, &first),
        (Some(x), Some(y)) if x == y => {
            eprintln!("两份报告都是 {x} 年的，无法按年度比较。请选择同一机关相邻两个年度的报告。");
            return ExitCode::from(EXIT_UNREADABLE);
        }
        _ => (&first, &second),
    };
    let rows = nianbao_core::compare::compare(this.tables(), last.tables());
    let year = |r: &nianbao_core::Report| r.meta.year().map_or("?".to_string(), |y| y.to_string());
    if json {
        let v = serde_json::json!({
            "last_year": { "title": last.title(), "year": last.meta.year() },
            "this_year": { "title": this.title(), "year": this.meta.year() },
            "cells": rows,
        });
        match serde_json::to_string_pretty(&v) {
            Ok(s) => crate::output::emit(&format!("{s}\n")),
            Err(e) => {
                eprintln!("无法生成 JSON 输出：{e}");
                return ExitCode::from(EXIT_UNREADABLE);
            }
        }
        return ExitCode::SUCCESS;
    }
    let mut out = format!("上年：《{}》\n本年：《{}》\n", last.title(), this.title());
    if last.meta.agency.trim() != this.meta.agency.trim() {
        out.push_str("注意：两份报告的机关名称不同。\n");
    }
    let table_rows: Vec<([String; 4], Option<String>)> = rows
        .iter()
        .map(|r| {
            let last_col = match r.flag {
                Some(code) => format!("{}  ← {code}", r.change),
                None => r.change.clone(),
            };
            // 其他处理's official row names run to 40 characters: cut, so the figures stay in view.
            let label = if r.label.chars().count() > 30 {
                format!("{}…", r.label.chars().take(29).collect::<String>())
            } else {
                r.label.clone()
            };
            ([label, r.before.clone(), r.now.clone(), last_col], None)
        })
        .collect();
    out.push_str(&crate::output::table(
        "",
        [
            "项目",
            &format!("上年（{}）", year(last)),
            &format!("本年（{}）", year(this)),
            "增减",
        ],
        &table_rows,
    ));
    let flagged = rows.iter().filter(|r| r.flag.is_some()).count();
    if flagged > 0 {
        out.push_str(&format!(
            "有 {flagged} 处变化异常（← 标出），请核对是否多打或漏打了数字、填错了行或列。\n"
        ));
    } else {
        out.push_str("没有异常的变化。\n");
    }
    crate::output::emit(&out);
    ExitCode::SUCCESS
}
