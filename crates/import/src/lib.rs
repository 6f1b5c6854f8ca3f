//! Importing existing reports: a file's bytes (text, Word, web page) in, a [`Report`] and the list
//! of what could not be placed out.
//!
//! Every form is a front end ([`docx`], [`html`], [`pdf`]) turning bytes into [`blocks`], rendered into the
//! line/tab text that one placement ([`import_text`]) reads. The form is told by content, never by
//! the file name alone ([`sniff`]).
//!
//! Pure: the caller reads the file (and converts old .doc/.wps files, which needs a process). The importer never corrects a report — wrong totals and odd
//! cells are imported as printed, for the validator to flag — and never guesses silently: what it
//! cannot place becomes an [`ImportFinding`].

use std::collections::BTreeMap;

mod archive;
pub mod blocks;
mod canonical;
mod chrome;
mod decode;
mod digit_runs;
pub mod docx;
mod error;
mod evidence;
pub mod html;
pub mod labels;
mod markdown;
mod mhtml;
mod numbering;
pub mod pdf;
mod reflow;
mod rows;
mod sections;
mod sniff;
mod sums;
mod tables;
mod tokens;
mod trial2019;

use nianbao_core::model::{AgencyKind, Report, Section};
use nianbao_core::CountCell;

pub use canonical::to_canonical_text;
pub use decode::{decode_text, MAX_TEXT_BYTES};
pub use error::ImportError;
pub use pdf::import_pdf;
pub use sniff::{sniff, Form, MAX_FILE_BYTES};

/// Something the importer could not place, or had to decide; line numbers start at 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFinding {
    pub line: usize,
    pub text: String,
    /// A Chinese sentence saying what happened and what to check.
    pub reason: String,
    /// The field the finding is about, when one is (a table row's first cell, a missing
    /// section): where the editor jumps from the import notes.
    pub path: Option<nianbao_core::FieldPath>,
}

impl ImportFinding {
    /// Where in the imported file the finding is, in the words a user finds it by, and the
    /// reason without a place it already names: "第 12 行" of a text, "第 12 段" of a Word file
    /// or web page (each paragraph and table row one), "PDF 第 3 页" of a PDF (whose line
    /// numbers count the text rebuilt from it, which the user never sees), "全文" for the whole
    /// file.
    pub fn place(&self, form: Form) -> (String, &str) {
        if let Some((page, reason)) = self
            .reason
            .strip_prefix("PDF 第")
            .and_then(|rest| rest.split_once(" 页："))
        {
            return (format!("PDF 第{page} 页"), reason);
        }
        let at = match form {
            _ if self.line == 0 => "全文".to_string(),
            Form::Text => format!("第 {} 行", self.line),
            Form::Docx | Form::Html | Form::OldWord => format!("第 {} 段", self.line),
            Form::Pdf => "全文".to_string(),
        };
        (at, &self.reason)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub findings: Vec<ImportFinding>,
    /// How many of the six section headings (一 to 六) were found: none means the text was not
    /// a report at all, and a caller may refuse it rather than open an empty one.
    pub sections_found: usize,
    /// The form the file was read as. For Word and web pages a finding's line counts the
    /// document's paragraphs and table rows, one line each.
    pub form: Form,
}

/// Imports a report from a file's bytes, whatever its form (text, .docx, web page, PDF). `file_name`
/// only sharpens the error for a file that is not what its name says. Old .doc/.wps files are
/// refused with [`ImportError::OldWord`]: the caller converts them (a process) and comes back.
pub fn import_bytes(bytes: &[u8], file_name: Option<&str>) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::FileTooLarge {
            size_mb: (bytes.len() as u64).div_ceil(1024 * 1024),
        });
    }
    let form = sniff(bytes);
    let blocks = match form {
        Form::Docx => docx::blocks(bytes)?,
        Form::Html => html::blocks(bytes)?,
        Form::OldWord => return Err(ImportError::OldWord),
        Form::Pdf => return refuse_non_report(pdf::import_pdf(bytes)?),
        Form::Text => {
            // A file named as a Word document whose content is no Word format is a broken
            // or mislabelled one, and saying so helps more than "no report in this text".
            let named = |ext: &str| file_name.is_some_and(|n| n.to_lowercase().ends_with(ext));
            if [".docx", ".doc", ".wps"].into_iter().any(named) {
                return Err(ImportError::BrokenWord {
                    why: "文件名是 Word 文档，但内容不是 Word 文档的格式".into(),
                });
            }
            return refuse_non_report(import_text(&decode_text(bytes)?));
        }
    };
    let (text, mut findings) = blocks::to_text(&blocks);
    let mut imported = import_text(&text);
    imported.findings.append(&mut findings);
    imported.findings.sort_by_key(|f| f.line);
    imported.form = form;
    refuse_non_report(imported)
}

/// Chrome is known by a line's first words, and a line of the report's own text could start
/// with them ("来源：…" in a paragraph of its own). Where such a line stands between the report's
/// first heading and its last line of text, it is dropped all the same but named, so that
/// nothing of the report is lost unseen; chrome before and after the report is not worth a note.
fn name_chrome_inside(
    printed: &[&str],
    chrome: &[bool],
    kept: &[&str],
    split: &sections::Split,
    findings: &mut Vec<ImportFinding>,
) {
    let Some(first) = kept
        .iter()
        .position(|l| labels::section_heading(l).is_some())
    else {
        return;
    };
    // The report ends at the footer's first line, or at its last line of text before that.
    let footer = (first..printed.len())
        .find(|&i| chrome[i] && chrome::is_footer(printed[i]))
        .unwrap_or(printed.len());
    let Some(last) = (first..footer).rev().find(|&i| !kept[i].trim().is_empty()) else {
        return;
    };
    // Past a few, they are the page's, not the report's: one note says how many more.
    const NAMED: usize = 20;
    let inside: Vec<usize> = (first + 1..last).filter(|&i| chrome[i]).collect();
    if inside.len() > NAMED {
        findings.push(ImportFinding {
            line: inside[NAMED] + 1,
            text: String::new(),
            reason: format!(
                "另有 {} 行像是网页上的栏目信息，也没有导入，请对照原文核对。",
                inside.len() - NAMED
            ),
            path: None,
        });
    }
    for &i in inside.iter().take(NAMED) {
        let line = i + 1;
        let section = split
            .bodies
            .iter()
            // A body's lines are in order: a binary search, as a hostile text may hold many
            // such lines.
            .find(|(_, body)| body.binary_search_by_key(&line, |&(n, _)| n).is_ok())
            .map(|(s, _)| *s);
        findings.push(ImportFinding {
            line,
            text: printed[i].trim().to_string(),
            reason: "这一行像是网页上的栏目信息（“来源：”“发布时间”、导航或页脚之类），没有导入。如果它是报告的正文，请在这一部分补上。".into(),
            path: section.map(nianbao_core::FieldPath::Section),
        });
    }
}

fn refuse_non_report(imported: Imported) -> Result<Imported, ImportError> {
    if imported.sections_found == 0 {
        return Err(ImportError::NotAReport);
    }
    Ok(imported)
}

/// Imports a report from its text (as copied from a web page, a document, or seed-like files).
pub fn import_text(text: &str) -> Imported {
    let mut findings = Vec::new();
    let unheaded = archive::without_header(text);
    let text = unheaded.as_deref().unwrap_or(text);
    let unpiped = markdown::unpiped(text);
    let text = unpiped.as_deref().unwrap_or(text);
    let reflowed = reflow::reflow(text);
    if reflowed.is_some() {
        findings.push(ImportFinding {
            line: 1,
            text: String::new(),
            reason: "这段文字没有分行（例如从网页复制时丢了换行），已按标题、六个部分的标题和总体情况的五个方面重新分行后导入，请核对。".into(),
            path: Some(nianbao_core::FieldPath::Section(Section::Overview)),
        });
    }
    let text = reflowed.as_deref().unwrap_or(text);
    let cut = rows::one_row_a_line(text);
    let text = cut.as_deref().unwrap_or(text);
    // A page's chrome and page numbers are no part of the report: blank lines in their place
    // keep the line numbers of findings true.
    let printed: Vec<&str> = text.lines().collect();
    let chrome: Vec<bool> = printed.iter().map(|l| chrome::is_chrome(l)).collect();
    let lines: Vec<&str> = printed
        .iter()
        .zip(&chrome)
        .map(|(&l, &c)| if c || chrome::is_text_folio(l) { "" } else { l })
        .collect();
    let split = sections::split(&lines, &mut findings);
    name_chrome_inside(&printed, &chrome, &lines, &split, &mut findings);
    let mut report = Report::default();

    match split.title {
        Some((line, title)) => {
            match meta_from_title(&title) {
                Some((agency, year)) => {
                    report.meta.kind = guess_kind(&agency);
                    // Kept only when printed differently from the standard title, so that the
                    // TITLE-YEAR rule has something to check and a plain title follows edits.
                    if title != nianbao_core::model::meta::standard_title(&agency, Some(year)) {
                        report.meta.title = title.clone();
                    }
                    report.meta.agency = agency;
                    report.meta.year = CountCell::from_count(year);
                }
                None => findings.push(ImportFinding {
                    line,
                    text: {
                        report.meta.title = title.clone();
                        title
                    },
                    reason: "标题中找不到“××××年”，机关名称和年度未能识别，请在“基本信息”中填写。"
                        .into(),
                    path: Some(nianbao_core::FieldPath::Agency),
                }),
            }
        }
        None => findings.push(ImportFinding {
            line: 1,
            text: String::new(),
            reason: "没有找到报告标题，机关名称和年度请在“基本信息”中填写。".into(),
            path: Some(nianbao_core::FieldPath::Agency),
        }),
    }

    // Tables 二, 三 and 四 read with full-width digits as ASCII ("规章０００行政规范性文件００５"):
    // the cells are numbers either way, and every reading below (labels glued to digits, runs,
    // spacing) is written for ASCII digits. The narrative sections keep their text as printed.
    let folded: BTreeMap<Section, Vec<(usize, String)>> =
        [Section::Active, Section::Requests, Section::Review]
            .into_iter()
            .filter_map(|s| {
                let lines = split.bodies.get(&s)?;
                let any = lines.iter().any(|(_, l)| l.chars().any(is_wide_digit));
                any.then(|| (s, lines.iter().map(|(n, l)| (*n, fold_digits(l))).collect()))
            })
            .collect();
    let folded_lines: BTreeMap<Section, Vec<sections::Line>> = folded
        .iter()
        .map(|(s, lines)| (*s, lines.iter().map(|(n, l)| (*n, l.as_str())).collect()))
        .collect();
    let body = |s: Section| {
        folded_lines
            .get(&s)
            .or_else(|| split.bodies.get(&s))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    };
    report.overview = sections::overview(&split.preface, body(Section::Overview), &mut findings);
    if trial2019::is_trial(body(Section::Active), body(Section::Requests)) {
        let line = body(Section::Active).first().map_or(1, |l| l.0);
        findings.push(trial2019::notice(line));
        trial2019::active(body(Section::Active), &mut report, &mut findings);
        let requests = trial2019::requests_body(body(Section::Requests), &mut findings);
        tables::requests(&requests, &mut report, &mut findings);
    } else {
        tables::active(body(Section::Active), &mut report, &mut findings);
        let requests =
            trial2019::single_other_row(body(Section::Requests), Some(&mut report), &mut findings);
        tables::requests(&requests, &mut report, &mut findings);
    }
    tables::blank_request_cells(&mut report, &mut findings);
    sums::name_rows_that_do_not_add_up(&report, &mut findings);
    tables::review(body(Section::Review), &mut report, &mut findings);
    keep_prose_left_in_tables(&mut report, &mut findings);
    report.problems = sections::paragraphs(body(Section::Problems));
    report.other = sections::paragraphs(body(Section::Other));
    for s in &Section::ALL[1..] {
        if !split.bodies.contains_key(s) {
            findings.push(ImportFinding {
                line: 0,
                text: String::new(),
                reason: format!(
                    "没有找到“{}”这一部分的标题，这部分内容未能导入。",
                    s.heading()
                ),
                path: Some(nianbao_core::FieldPath::Section(*s)),
            });
        }
    }
    findings.sort_by_key(|f| f.line);
    one_note_for_solved_runs(&mut findings);
    let sections_found = Section::ALL[1..]
        .iter()
        .filter(|s| split.bodies.contains_key(s))
        .count();
    Imported {
        report,
        findings,
        sections_found,
        form: Form::Text,
    }
}

/// Sentences printed inside a table's section ("(一)主动公开政府信息的数量 2023年制作…" around 表二)
/// belong to no cell, but text is never dropped: each stays in 一, at the end of the part the
/// table is about (主动公开 for 表二, 依申请公开 for 表三 and 表四), and its note says where.
fn keep_prose_left_in_tables(report: &mut Report, findings: &mut [ImportFinding]) {
    use nianbao_core::model::PartKind;
    for f in findings.iter_mut() {
        let Some(nianbao_core::FieldPath::Section(table)) = f.path else {
            continue;
        };
        let kind = match table {
            Section::Active => PartKind::Active,
            Section::Requests | Section::Review => PartKind::Requests,
            _ => continue,
        };
        let left = f.reason.contains("不是表格的行名，未能导入")
            || f.reason.contains("不是表格的内容，未能导入");
        let cjk = f
            .text
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        let prose = cjk >= 12 && f.text.contains(['。', '，', '；']);
        if !left || !prose {
            continue;
        }
        let (text, place) = match report.overview.part_slot(kind) {
            Some(part) => (
                &mut part.text,
                format!("“一、总体情况”的“{}{}”", kind.numeral(), kind.heading()),
            ),
            None => (
                &mut report.overview.intro,
                "“一、总体情况”的开头部分".to_string(),
            ),
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(f.text.trim());
        let table_name = match table {
            Section::Active => "表二",
            Section::Requests => "表三",
            _ => "表四",
        };
        f.reason = format!(
            "{table_name}所在部分的文字“{}”不属于表格，已放在{place}末尾，请核对，必要时移到合适的位置。",
            f.text.trim()
        );
        f.path = Some(nianbao_core::FieldPath::Part(kind));
    }
}

/// A table printed as runs of digits (every row of a crawled page's 表三) would bring a note per
/// row, each saying the same; past a few, one note for the table says it, and how many rows.
fn one_note_for_solved_runs(findings: &mut Vec<ImportFinding>) {
    const APART: usize = 3;
    for table in ["表三", "表四"] {
        let solved = |f: &ImportFinding| {
            f.reason.starts_with(table)
                && f.reason.contains("一行的数字连在了一起")
                && f.reason.contains("只有一种拆法")
        };
        let count = findings.iter().filter(|f| solved(f)).count();
        if count <= APART {
            continue;
        }
        let Some(first) = findings.iter().position(solved) else {
            continue;
        };
        let mut note = findings[first].clone();
        note.reason = format!(
            "{table}有 {count} 行的数字连在了一起（例如“{}”），核对合计和表中的勾稽关系后每行都只有一种拆法，已按此填入，请对照原文核对。",
            note.text
        );
        findings.retain(|f| !solved(f));
        findings.insert(first.min(findings.len()), note);
    }
}

fn is_wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Full-width digits as ASCII, and a full-width full stop between digits as a decimal point
/// ("５９４９．０９"); everything else as printed.
fn fold_digits(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || is_wide_digit(*c));
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if is_wide_digit(c) {
                nianbao_core::cell::fold_width(c)
            } else if c == '．' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) {
                '.'
            } else {
                c
            }
        })
        .collect()
}

/// "孟州市人民政府 2023 年政府信息公开工作年度报告" → ("孟州市人民政府", 2023).
fn meta_from_title(title: &str) -> Option<(String, u64)> {
    let folded: String = title.chars().map(nianbao_core::cell::fold_width).collect();
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || (k > 0 && chars[k - 1].1.is_ascii_digit()) {
            continue;
        }
        let digits: String = folded[i..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = folded[i + digits.len()..].trim_start();
        if digits.len() == 4 && after.starts_with('年') {
            let year = digits.parse().ok()?;
            let agency = folded[..i].trim().to_string();
            // The year first: "2025 年上海市人民政府办公厅政府信息公开工作年度报告" — the agency
            // stands between 年(度) and 政府信息公开.
            if agency.is_empty() {
                let rest = after['年'.len_utf8()..]
                    .trim_start_matches('度')
                    .trim_start();
                let named = rest
                    .find("政府信息公开")
                    .map(|k| rest[..k].trim())
                    .filter(|a| !a.is_empty());
                return Some((named.unwrap_or_default().to_string(), year));
            }
            // Keep the agency as printed (not width-folded) when folding changed nothing there.
            let printed: String = title.chars().take(folded[..i].chars().count()).collect();
            let agency = if printed.trim().chars().count() == agency.chars().count() {
                printed.trim().to_string()
            } else {
                agency
            };
            return Some((agency, year));
        }
    }
    None
}

/// 人民政府 at county level and above is a government; 镇/乡/街道 are townships; 局/委/办… are
/// departments. Only a first guess: the user can change it under 基本信息.
pub fn guess_kind(agency: &str) -> AgencyKind {
    let township = ["镇人民政府", "乡人民政府", "街道办事处", "街道"];
    if township.iter().any(|t| agency.ends_with(t)) {
        return AgencyKind::Township;
    }
    if agency.ends_with("人民政府") {
        return AgencyKind::PeoplesGovernment;
    }
    let department = [
        "局",
        "委员会",
        "委",
        "办公室",
        "办",
        "厅",
        "部",
        "署",
        "中心",
        "院",
        "馆",
    ];
    if department.iter().any(|t| agency.ends_with(t)) {
        return AgencyKind::Department;
    }
    AgencyKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_says_where_in_the_file_as_the_user_finds_it() {
        let f = |line: usize, reason: &str| ImportFinding {
            line,
            text: String::new(),
            reason: reason.into(),
            path: None,
        };
        let note = f(12, "表三“（一）予以公开”一行没有找到数字。");
        assert_eq!(note.place(Form::Text).0, "第 12 行");
        assert_eq!(note.place(Form::Docx).0, "第 12 段");
        assert_eq!(note.place(Form::Html).0, "第 12 段");
        assert_eq!(f(0, "没有找到").place(Form::Text).0, "全文");
        let pdf = f(61, "PDF 第 3 页：表三中的数字“0”找不到所属的行。");
        assert_eq!(
            pdf.place(Form::Pdf),
            ("PDF 第 3 页".to_string(), "表三中的数字“0”找不到所属的行。")
        );
        // A line of the text rebuilt from a PDF means nothing to the user.
        assert_eq!(f(61, "这份 PDF 是扫描件").place(Form::Pdf).0, "全文");
    }

    #[test]
    fn titles() {
        assert_eq!(
            meta_from_title("2025 年上海市人民政府办公厅政府信息公开工作年度报告"),
            Some(("上海市人民政府办公厅".to_string(), 2025))
        );
        assert_eq!(
            meta_from_title("2023年度某县人民政府政府信息公开工作年度报告"),
            Some(("某县人民政府".to_string(), 2023))
        );
        assert_eq!(
            meta_from_title("2023年工作年度报告"),
            Some((String::new(), 2023))
        );
        assert_eq!(
            meta_from_title("孟州市人民政府 2023 年政府信息公开工作年度报告"),
            Some(("孟州市人民政府".to_string(), 2023))
        );
        assert_eq!(
            meta_from_title("某县教育局２０２４年政府信息公开工作年度报告"),
            Some(("某县教育局".to_string(), 2024))
        );
        assert_eq!(meta_from_title("政府信息公开工作年度报告"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(guess_kind("城关镇人民政府"), AgencyKind::Township);
        assert_eq!(guess_kind("孟州市人民政府"), AgencyKind::PeoplesGovernment);
        assert_eq!(
            guess_kind("西工区政务服务和大数据管理局"),
            AgencyKind::Department
        );
        assert_eq!(guess_kind("某某街道办事处"), AgencyKind::Township);
    }
}
