//! How results are printed: Chinese tables for people, JSON for programs.

use std::fmt::Write as _;
use std::path::PathBuf;

use nianbao_core::{catalogue, Diagnostic, Tally};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

pub enum FileResult {
    Checked {
        path: PathBuf,
        title: String,
        diagnostics: Vec<Diagnostic>,
    },
    Unreadable {
        path: PathBuf,
        reason: String,
    },
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    severity_label: &'static str,
    location: String,
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
enum JsonFile<'a> {
    Checked {
        file: String,
        title: &'a str,
        tally: Tally,
        diagnostics: Vec<JsonDiagnostic<'a>>,
    },
    Unreadable {
        file: String,
        error: &'a str,
    },
}

pub fn print_validation(results: &[FileResult], json: bool) {
    let mut out = String::new();
    render_validation(&mut out, results, json);
    emit(&out);
}

fn render_validation(out: &mut String, results: &[FileResult], json: bool) {
    if json {
        let files: Vec<JsonFile> = results
            .iter()
            .map(|r| match r {
                FileResult::Checked {
                    path,
                    title,
                    diagnostics,
                } => JsonFile::Checked {
                    file: path.display().to_string(),
                    title,
                    tally: Tally::of(diagnostics),
                    diagnostics: diagnostics
                        .iter()
                        .map(|d| JsonDiagnostic {
                            diagnostic: d,
                            severity_label: d.severity.label(),
                            location: d.location(),
                        })
                        .collect(),
                },
                FileResult::Unreadable { path, reason } => JsonFile::Unreadable {
                    file: path.display().to_string(),
                    error: reason,
                },
            })
            .collect();
        match serde_json::to_string_pretty(&files) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => eprintln!("无法生成 JSON 输出：{e}"),
        }
        return;
    }
    for (i, r) in results.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match r {
            FileResult::Unreadable { path, reason } => {
                let _ = writeln!(out, "✗ {}", path.display());
                let _ = writeln!(out, "  无法打开：{reason}");
            }
            FileResult::Checked {
                path,
                title,
                diagnostics,
            } => render_checked(out, path, title, diagnostics),
        }
    }
}

fn render_checked(
    out: &mut String,
    path: &std::path::Path,
    title: &str,
    diagnostics: &[Diagnostic],
) {
    let _ = writeln!(out, "《{title}》 {}", path.display());
    let t = Tally::of(diagnostics);
    if diagnostics.is_empty() {
        let _ = writeln!(out, "  审核通过：没有发现问题。");
        return;
    }
    let rows: Vec<([String; 4], Option<String>)> = diagnostics
        .iter()
        .map(|d| {
            let cells = [
                d.severity.label().to_string(),
                d.code.to_string(),
                d.location(),
                d.message.clone(),
            ];
            if let Some(text) = &d.explanation {
                // An explained finding needs no fix: the reason stands in its place.
                return (cells, Some(format!("→ 已说明：{text}")));
            }
            let note = match &d.fix {
                Some(f) if f.safe => {
                    format!("→ {}（可{}：nianbao validate --fix）", d.hint, f.label())
                }
                // Not applied by --fix: the number to write depends on which figure is wrong.
                Some(f) => format!("→ {}（建议{}，请核对后手工修改）", d.hint, f.label()),
                None => format!("→ {}", d.hint),
            };
            (cells, Some(note))
        })
        .collect();
    out.push_str(&table("  ", ["级别", "代码", "位置", "说明"], &rows));
    let _ = writeln!(
        out,
        "  共 {} 项：错误 {} 项，警告 {} 项，提示 {} 项{}。{}",
        diagnostics.len(),
        t.errors,
        t.warnings,
        t.infos,
        if t.explained > 0 {
            format!("（其中 {} 项已说明）", t.explained)
        } else {
            String::new()
        },
        if t.errors > 0 {
            "有错误，发布前必须改正。"
        } else {
            "没有错误。"
        }
    );
}

/// A four-column table for a terminal: the first three columns padded to their widest cell
/// (a Chinese character counts two columns), the last one free; an optional note line under a
/// row starts where the last column does.
pub(crate) fn table(
    indent: &str,
    headers: [&str; 4],
    rows: &[([String; 4], Option<String>)],
) -> String {
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            rows.iter()
                .map(|(r, _)| r[c].width())
                .chain([headers[c].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let mut out = String::new();
    let line = |out: &mut String, r: [&str; 4]| {
        let _ = writeln!(
            out,
            "{indent}{}  {}  {}  {}",
            pad(r[0], widths[0]),
            pad(r[1], widths[1]),
            pad(r[2], widths[2]),
            r[3]
        );
    };
    line(&mut out, headers);
    let note_at = indent.width() + widths.iter().map(|w| w + 2).sum::<usize>();
    for (r, note) in rows {
        line(&mut out, [&r[0], &r[1], &r[2], &r[3]]);
        if let Some(note) = note {
            let _ = writeln!(out, "{}{note}", " ".repeat(note_at));
        }
    }
    out
}

pub fn print_rules(json: bool, markdown: bool) {
    let mut out = String::new();
    render_rules(&mut out, json, markdown);
    emit(&out);
}

fn render_rules(out: &mut String, json: bool, markdown: bool) {
    if markdown {
        out.push_str(&nianbao_core::rules::catalogue_markdown());
        return;
    }
    let rules = catalogue();
    if json {
        match serde_json::to_string_pretty(&rules) {
            Ok(s) => {
                let _ = writeln!(out, "{s}");
            }
            Err(e) => eprintln!("无法生成 JSON 输出：{e}"),
        }
        return;
    }
    let w = rules.iter().map(|r| r.code.width()).max().unwrap_or(0);
    for r in rules {
        let _ = writeln!(
            out,
            "{}{}  {}  {}",
            r.code,
            " ".repeat(w - r.code.width()),
            r.severity.label(),
            r.meaning
        );
        let _ = writeln!(out, "{}        依据：{}", " ".repeat(w), r.basis);
    }
}

/// Writes to stdout, ignoring a closed pipe (`nianbao rules | head` must not panic).
pub(crate) fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
