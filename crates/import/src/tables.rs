//! Tables 二, 三 and 四: rows are found by their labels, and each label takes the numbers that
//! follow it — on its own line when they are all there, else over the following lines (one cell
//! per line, numbers pushed down, labels split from their numbers).

use nianbao_core::cell::fold_width;
use nianbao_core::model::{
    Applicant, DocumentColumn, Report, RequestRow, ReviewGroup, ReviewOutcome, Section,
};
use nianbao_core::{CountCell, FieldPath, MoneyCell};

use crate::digit_runs::{
    as_count, as_run, missing_one, splits, Group, Splits, REQUEST_ROW, REVIEW_ROW,
};
use crate::labels::{
    active_row, is_active_header, is_active_leftover, is_group_piece, is_request_header,
    is_request_leftover, is_review_leftover, normalise, request_row, ActiveRow,
};
use crate::sections::Line;
use crate::tokens::{is_value, tokenize, Token};
use crate::ImportFinding;

/// A cell's text as printed; "" for a blank.
pub(crate) type Cells = Vec<String>;

pub(crate) struct Row<R> {
    pub(crate) row: R,
    pub(crate) line: usize,
    pub(crate) label: String,
    pub(crate) cells: Cells,
    /// Numbers that could not be read as printed, the row's cells left blank until they are.
    unread: Option<Unread>,
    /// No number was found for the row (its cells are blank): said by [`collect`], or placed
    /// by the table's own reader.
    bare: bool,
}

/// A row whose numbers ran together into one run, or that lost one number, and every reading of
/// it that adds up.
struct Unread {
    /// What was printed: the run, or the numbers found.
    printed: String,
    lost_one: bool,
    readings: Splits,
}

impl Unread {
    /// A row whose numbers are `cells` but which needs `groups`' width, when it can be read at all.
    fn of(cells: &[String], groups: &[Group]) -> Option<Unread> {
        let need: usize = groups.iter().map(|g| g.cells).sum();
        if cells.len() == 1 && need > 1 {
            let run = as_run(&cells[0], need)?;
            let readings = splits(&run, groups);
            return Some(Unread {
                printed: run,
                lost_one: false,
                readings,
            });
        }
        if let Some(spaced) = Unread::spaced_run(cells, groups) {
            return Some(spaced);
        }
        if cells.len() + 1 == need {
            let found: Vec<u64> = cells.iter().map(|c| as_count(c)).collect::<Option<_>>()?;
            return Some(Unread {
                printed: cells.join("、"),
                lost_one: true,
                readings: Splits::Found(missing_one(&found, groups)),
            });
        }
        None
    }

    /// A row whose numbers are spaced irregularly ("10 0 0 0 01" for 1 0 0 0 0 0 1, "0 0 0 0 0 00"):
    /// fewer pieces than cells, each piece one or more whole cells. Every blank is a cut, more
    /// cuts may be missing; read when exactly one reading adds up and keeps every blank a cut.
    fn spaced_run(cells: &[String], groups: &[Group]) -> Option<Unread> {
        let need: usize = groups.iter().map(|g| g.cells).sum();
        let pieces: Vec<String> = cells
            .iter()
            .map(|c| c.chars().map(fold_width).collect::<String>())
            .collect();
        let digits_only = |p: &String| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if cells.len() < 2 || cells.len() >= need || !pieces.iter().all(digits_only) {
            return None;
        }
        let run: String = pieces.concat();
        let mut cuts = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for p in &pieces {
            at += p.len();
            cuts.push(at);
        }
        let keeps_cuts = |reading: &Vec<u64>| {
            let mut at = 0;
            let ends: Vec<usize> = reading
                .iter()
                .map(|n| {
                    at += n.to_string().len();
                    at
                })
                .collect();
            cuts.iter().all(|c| ends.contains(c))
        };
        let readings = match splits(&run, groups) {
            Splits::Found(found) => found.into_iter().filter(keeps_cuts).collect::<Vec<_>>(),
            Splits::Undecidable => return None,
        };
        // Read only when the spacing settles it; else the row is said as one short of numbers
        // ("只找到 5 个数字"), which is what the user sees in it.
        (readings.len() == 1).then(|| Unread {
            printed: pieces.join(" "),
            lost_one: false,
            readings: Splits::Found(readings),
        })
    }

    /// A run of as many 0s as the row has cells ("000", or "0 0 0 0 0 00") reads one way and no
    /// other whatever the identities: nothing to check, so nothing to say.
    fn only_zeros(&self) -> bool {
        let digits: Vec<u8> = self.printed.bytes().filter(|b| *b != b' ').collect();
        let one_way = matches!(&self.readings, Splits::Found(f) if f.len() == 1
            && f[0].len() == digits.len());
        !self.lost_one && one_way && digits.iter().all(|b| *b == b'0')
    }

    /// What this row is, for a finding: "一行的数字连在了一起（“…”）" or "一行只找到 6 个数字（…）".
    fn what(&self, table: &str, label: &str, need: usize) -> String {
        if self.lost_one {
            format!(
                "{table}“{label}”一行只找到 {} 个数字（{}），应有 {need} 个",
                need - 1,
                self.printed
            )
        } else {
            format!("{table}“{label}”一行的数字连在了一起（“{}”）", self.printed)
        }
    }

    /// The note on a row read one way only.
    fn read(&self, table: &str, r: &RowAt, cells: &[u64], path: FieldPath) -> ImportFinding {
        let cells: Vec<String> = cells.iter().map(u64::to_string).collect();
        let how = match (self.lost_one, table) {
            (true, _) => "核对合计后只有一种读法",
            (false, "表二") => "只有一种拆法",
            (false, _) => "核对合计后只有一种拆法",
        };
        ImportFinding {
            line: r.line,
            text: self.printed.clone(),
            reason: format!(
                "{}，{how}：{}，已按此填入，请对照原文核对。",
                self.what(table, &r.label, cells.len()),
                cells.join("、")
            ),
            path: Some(path),
        }
    }

    /// The finding on a row left blank, saying why; `contradicted` when every reading of it
    /// broke a 勾稽关系 with the table's other rows.
    fn blank(
        &self,
        table: &str,
        r: &RowAt,
        need: usize,
        contradicted: bool,
        path: FieldPath,
    ) -> ImportFinding {
        let (one, ways) = if self.lost_one {
            ("读法", "缺的是哪一格")
        } else {
            ("拆法", "是哪一种拆法")
        };
        let why = match &self.readings {
            _ if contradicted => "能读出的数字都与表中其他行的勾稽关系对不上".to_string(),
            Splits::Found(found) if found.is_empty() && table == "表二" => {
                format!("无法确定{ways}")
            }
            Splits::Found(found) if found.is_empty() => {
                format!("没有一种{one}使“总计”等于各栏之和")
            }
            Splits::Found(found) => format!("有 {} 种{one}，无法确定{ways}", found.len()),
            Splits::Undecidable => format!("可能的{one}太多，无法确定{ways}"),
        };
        ImportFinding {
            line: r.line,
            text: self.printed.clone(),
            reason: format!(
                "{}，{why}，这一行留空，请对照原文填写。",
                self.what(table, &r.label, need)
            ),
            path: Some(path),
        }
    }
}

/// Where a row was found and its label, for findings.
struct RowAt {
    line: usize,
    label: String,
}

impl<R> Row<R> {
    fn at(&self) -> RowAt {
        RowAt {
            line: self.line,
            label: self.label.clone(),
        }
    }
}

/// What a table's labels mean.
pub(crate) struct Grammar<R: 'static> {
    pub(crate) row: fn(&str, bool) -> Option<R>,
    pub(crate) width: fn(R) -> usize,
    /// How a row's cells add up, for splitting a run of digits; `None` for one-cell rows.
    pub(crate) groups: fn(R) -> Option<&'static [Group]>,
    pub(crate) is_header: fn(&str) -> bool,
    /// Text made only of pieces of the table's own header and labels (see
    /// [`crate::labels::is_request_leftover`]): dropped without a note when it holds no number.
    pub(crate) is_leftover: fn(&str) -> bool,
    /// A piece of a merged group label, skipped between the pieces of a row's label.
    pub(crate) is_group_piece: fn(&str) -> bool,
    pub(crate) table: &'static str,
    /// A row's label as the format prints it, [`normalise`]d, for tables whose labels are long
    /// enough to wrap: tells a label's first piece from other text.
    pub(crate) label: Option<fn(R) -> &'static str>,
    /// Every row of the table, where `label` is given.
    pub(crate) rows: Option<&'static [R]>,
    /// Where a finding about a row points the editor: the row's first cell.
    pub(crate) first_cell: fn(R) -> FieldPath,
    pub(crate) section: Section,
}

/// Short texts standing where a number should be ("—", "无", "/"): kept as the cell's text so
/// the validator can flag them, instead of being lost.
fn is_cell_text(t: &str) -> bool {
    t.chars().count() <= 3
        && !t
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '无')
        || t == "无"
}

/// A table's rows, with a finding for each row that got no number and for the numbers that got
/// no row.
pub(crate) fn collect<R: Copy + PartialEq>(
    body: &[Line],
    g: &Grammar<R>,
    findings: &mut Vec<ImportFinding>,
) -> Vec<Row<R>> {
    let (rows, orphans) = collect_rows(body, g, findings);
    for r in rows.iter().filter(|r| r.bare) {
        findings.push(bare_finding(r, g));
    }
    say_orphans(&orphans, g, findings);
    rows
}

/// The finding on a row that got no number.
fn bare_finding<R: Copy>(r: &Row<R>, g: &Grammar<R>) -> ImportFinding {
    ImportFinding {
        line: r.line,
        text: r.label.clone(),
        reason: format!(
            "{}“{}”一行没有找到数字，这一行留空，请对照原文填写。",
            g.table, r.label
        ),
        path: Some((g.first_cell)(r.row)),
    }
}

/// A table's rows and the numbers that found no row (line, text), in order; neither said yet.
fn collect_rows<R: Copy + PartialEq>(
    body: &[Line],
    g: &Grammar<R>,
    findings: &mut Vec<ImportFinding>,
) -> (Vec<Row<R>>, Vec<(usize, String)>) {
    let mut rows: Vec<Row<R>> = Vec::new();
    let mut pending: Option<Row<R>> = None;
    let mut started = false;
    let mut wrapped = Wrapped::default();

    let finish = |p: Row<R>, rows: &mut Vec<Row<R>>, findings: &mut Vec<ImportFinding>| {
        let need = (g.width)(p.row);
        let mut p = p;
        if p.cells.len() < need {
            // One run where the row needs several numbers, or one number short: read later,
            // once the other rows are known, or left blank; never shifted along the row.
            if let Some(unread) = (g.groups)(p.row).and_then(|gr| Unread::of(&p.cells, gr)) {
                p.unread = Some(unread);
                p.cells = vec![String::new(); need];
            }
        }
        if p.cells.is_empty() {
            p.bare = true;
            p.cells = vec![String::new(); need];
        } else if p.cells.len() < need {
            // Which columns the numbers found belong to cannot be known: placing them anywhere
            // would be a guess, so the row stays blank and the numbers are quoted for the user.
            findings.push(ImportFinding {
                line: p.line,
                text: p.label.clone(),
                reason: format!(
                    "{}“{}”一行只找到 {} 个数字（{}），应有 {need} 个，无法确定各属于哪一栏，这一行留空，请对照原文填写。",
                    g.table,
                    p.label,
                    p.cells.len(),
                    p.cells.join("、")
                ),
                path: Some((g.first_cell)(p.row)),
            });
            p.cells = vec![String::new(); need];
        }
        if rows.iter().any(|r| r.row == p.row) {
            findings.push(ImportFinding {
                line: p.line,
                text: p.label.clone(),
                reason: format!(
                    "{}“{}”一行出现了两次，只导入了第一次的数字。",
                    g.table, p.label
                ),
                path: Some((g.first_cell)(p.row)),
            });
        } else {
            rows.push(p);
        }
    };

    for &(n, line) in body {
        let tokens: Vec<Token> = tokenize(line)
            .into_iter()
            .flat_map(|t| match t {
                Token::Text(s) => with_number_off(unglued(s, g), g),
                t => vec![t],
            })
            .collect();
        // A line of header words without numbers (a header repeated on a new page) holds no
        // row, even where a word of it ("其他", "总计") is also a row's label. Two words at
        // least: one alone may be the end of a wrapped label ("息").
        let header_line = !tokens.iter().any(|t| matches!(t, Token::Value(_)))
            && tokens
                .iter()
                .filter(|t| {
                    matches!(t, Token::Text(s) if (g.is_header)(s)
                        && (g.row)(s, true).is_none()
                        && !normalise(s).is_empty())
                })
                .count()
                >= 2;
        let mut j = 0;
        while j < tokens.len() {
            match &tokens[j] {
                Token::Empty => {}
                Token::Text(t) if header_line && (g.is_header)(t) => {}
                Token::Text(t) => {
                    // Pieces of a label around its numbers ("2.其他法律行政" / numbers / "法规禁
                    // 止公开") make that label, even where the last piece alone would read as one
                    // ("法规禁止公开"): the numbers are the whole label's.
                    let joins = !wrapped.numbers.is_empty()
                        && wrapped.head.as_ref().is_some_and(|(_, head)| {
                            let tail = format!("{}{t}", wrapped.tail);
                            joined_label(head, &tail, g, started).is_some_and(|(row, _)| {
                                begins(head, row, g) && wrapped.numbers.len() <= (g.width)(row)
                            })
                        });
                    if let Some(row) = (g.row)(t, started).filter(|_| !joins) {
                        wrapped.flush(g, findings);
                        started = true;
                        if let Some(p) = pending.take() {
                            finish(p, &mut rows, findings);
                        }
                        let need = (g.width)(row);
                        // The rest of the line up to another row label belongs to this row.
                        let end = tokens[j + 1..]
                            .iter()
                            .position(|t| matches!(t, Token::Text(s) if (g.row)(s, true).is_some()))
                            .map_or(tokens.len(), |k| j + 1 + k);
                        let mut rest = &tokens[j + 1..end];
                        // A separator that ends the row opens no cell: "53⇥0⇥0⇥48⇥0⇥101⇥" is a
                        // row that lost a number, not one whose 总计 is blank; and where lines
                        // were joined, the next row's leading tabs are no cells of this one.
                        while matches!(rest.last(), Some(Token::Empty)) {
                            rest = &rest[..rest.len() - 1];
                        }
                        let has_value = rest.iter().any(|t| matches!(t, Token::Value(_)));
                        let mut p = Row {
                            row,
                            line: n,
                            label: t.clone(),
                            cells: Vec::new(),
                            unread: None,
                            bare: false,
                        };
                        if rest.len() == need && has_value {
                            // Exactly one cell per column on the label's own line: blanks are
                            // real blanks, kept in place.
                            p.cells = rest.iter().map(cell_text).collect();
                        } else {
                            p.cells = rest
                                .iter()
                                .filter(|t| is_number_cell(t))
                                .map(cell_text)
                                .collect();
                            if p.cells.len() > need {
                                findings.push(ImportFinding {
                                    line: n,
                                    text: line.trim().to_string(),
                                    reason: format!(
                                        "{}“{}”一行有 {} 个数字（应有 {need} 个），已取最后 {need} 个，请核对。",
                                        g.table,
                                        t,
                                        p.cells.len()
                                    ),
                                    path: Some((g.first_cell)(p.row)),
                                });
                                p.cells.drain(..p.cells.len() - need);
                            }
                        }
                        if p.cells.len() == need {
                            finish(p, &mut rows, findings);
                        } else {
                            pending = Some(p);
                        }
                        j = end;
                        continue;
                    }
                    // A label wrapped around its numbers ("2.其他法律行政法规禁" / the numbers /
                    // "止公开"), maybe over several lines: its pieces make the label of those
                    // numbers. Tried before the header words, for a last piece may be one ("息").
                    if let Some((line, head)) = wrapped.head.clone() {
                        let tail = format!("{}{t}", wrapped.tail);
                        match joined_label(&head, &tail, g, started) {
                            Some((row, label)) if wrapped.numbers.len() <= (g.width)(row) => {
                                started = true;
                                if let Some(p) = pending.take() {
                                    finish(p, &mut rows, findings);
                                }
                                wrapped.head = None;
                                wrapped.tail.clear();
                                let cells: Cells =
                                    wrapped.numbers.drain(..).map(|(_, v)| v).collect();
                                let p = Row {
                                    row,
                                    line,
                                    label,
                                    cells,
                                    unread: None,
                                    bare: false,
                                };
                                // The numbers may still follow, on the lines after the label.
                                if p.cells.len() == (g.width)(row) {
                                    finish(p, &mut rows, findings);
                                } else {
                                    pending = Some(p);
                                }
                                j += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if (g.is_header)(t) {
                        // Header words and group labels: structure, not data.
                    } else if is_cell_text(t) && pending.is_some() {
                        push_cell(&mut pending, t.clone(), g, &mut rows, findings, &finish);
                    } else {
                        // A row still waiting for its numbers when another row's label begins
                        // gets none: the numbers after that label are that label's.
                        if pending.as_ref().is_some_and(|p| p.cells.is_empty())
                            && starts_a_label(t, g)
                        {
                            if let Some(p) = pending.take() {
                                finish(p, &mut rows, findings);
                            }
                        }
                        // A piece of a tall merged group label ("（三", "）不") between the
                        // pieces of a row's label is no part of it.
                        let stray = wrapped.head.as_ref().is_some_and(|(_, head)| {
                            let so_far = format!("{head}{}", wrapped.tail);
                            (g.is_group_piece)(t)
                                && holds_a_label_start(&so_far, g)
                                && !holds_a_label_start(&format!("{so_far}{t}"), g)
                        });
                        if !stray {
                            wrapped.add(n, t, g, findings);
                        }
                    }
                }
                Token::Value(v) => {
                    if pending.is_some() {
                        push_cell(&mut pending, v.clone(), g, &mut rows, findings, &finish);
                    } else if wrapped.head.is_some() {
                        wrapped.numbers.push((n, v.clone()));
                    } else {
                        wrapped.orphans.push((n, v.clone()));
                    }
                }
            }
            j += 1;
        }
    }
    if let Some(p) = pending.take() {
        finish(p, &mut rows, findings);
    }
    wrapped.flush(g, findings);
    (rows, wrapped.orphans)
}

/// Numbers seen close together (a line or two apart) are one finding.
const ORPHAN_GAP: usize = 2;
/// More numbers without a row than this: the table's order was lost, not a row or two.
const SCRAMBLED: usize = 14;

/// The numbers that found no row, said in runs: a table whose cells were copied one per line
/// gives seven lines for a row, and one note for each would bury the rest. Where many are left,
/// the text's table was scrambled (a PDF viewer copies a table column by column) and the user is
/// told to import the file itself.
fn say_orphans<R>(orphans: &[(usize, String)], g: &Grammar<R>, findings: &mut Vec<ImportFinding>) {
    if orphans.len() > SCRAMBLED {
        findings.push(ImportFinding {
            line: orphans[0].0,
            text: String::new(),
            reason: format!(
                "{}有 {} 个数字找不到所属的行，这段文字里表格的行名和数字可能已经错开（例如从 PDF 阅读器里复制的文字会这样）。如果有原来的 PDF、Word 文件或网页，请直接导入那个文件。",
                g.table,
                orphans.len()
            ),
            path: Some(FieldPath::Section(g.section)),
        });
    }
    for run in orphan_runs(orphans) {
        let run = &orphans[run];
        let values: Vec<&str> = run.iter().map(|(_, v)| v.as_str()).collect();
        let (first, last) = (run[0].0, run[run.len() - 1].0);
        let lines = if first == last {
            String::new()
        } else {
            format!("（第 {first}–{last} 行）")
        };
        findings.push(ImportFinding {
            line: first,
            text: values.join(" "),
            reason: format!(
                "{}中的数字“{}”{lines}找不到所属的行，未能导入，请核对。",
                g.table,
                values.join("、")
            ),
            path: Some(FieldPath::Section(g.section)),
        });
    }
}

/// The numbers without a row in runs of numbers seen close together (a line or two apart).
fn orphan_runs(orphans: &[(usize, String)]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut k = 0;
    while k < orphans.len() {
        let mut end = k + 1;
        while end < orphans.len() && orphans[end].0 <= orphans[end - 1].0 + ORPHAN_GAP {
            end += 1;
        }
        runs.push(k..end);
        k = end;
    }
    runs
}

/// Text that is no label yet, the numbers after it and the text after those: the pieces of a
/// label wrapped around its numbers, until they make one — or, if they do not, what they always
/// were.
#[derive(Default)]
struct Wrapped {
    head: Option<(usize, String)>,
    numbers: Vec<(usize, String)>,
    tail: String,
    /// Numbers that found no row, in order: said together at the table's end.
    orphans: Vec<(usize, String)>,
}

impl Wrapped {
    /// Another piece of text: before the numbers it lengthens the head, after them the tail;
    /// pieces too long for a label put back what was held and start again.
    fn add<R>(
        &mut self,
        line: usize,
        text: &str,
        g: &Grammar<R>,
        findings: &mut Vec<ImportFinding>,
    ) {
        let len = |s: &str| s.chars().count();
        match self.head.as_mut() {
            Some((_, head)) if self.numbers.is_empty() && len(head) + len(text) <= MAX_LABEL => {
                head.push_str(text);
            }
            Some((_, head))
                if !self.numbers.is_empty()
                    && len(head) + len(&self.tail) + len(text) <= MAX_LABEL =>
            {
                self.tail.push_str(text);
            }
            _ => {
                self.flush(g, findings);
                self.head = Some((line, text.to_string()));
            }
        }
    }

    /// The text and numbers that made no label, said as they are.
    fn flush<R>(&mut self, g: &Grammar<R>, findings: &mut Vec<ImportFinding>) {
        let Some((line, head)) = self.head.take() else {
            return;
        };
        let text = format!("{head}{}", std::mem::take(&mut self.tail));
        if self.numbers.is_empty() && (g.is_leftover)(&text) {
            return;
        }
        findings.push(ImportFinding {
            line,
            text: text.clone(),
            reason: format!(
                "{}中的文字“{text}”不是表格的行名，未能导入，请核对。",
                g.table
            ),
            path: Some(FieldPath::Section(g.section)),
        });
        self.orphans.append(&mut self.numbers);
    }
}

/// The label two halves of a wrapped label make: the first half from its numbering on (a merged
/// label's characters may stand before it: "年度办1.本机关不掌握相关政"), the second without
/// the few characters of a merged label before it ("理结果府信息"). `None` when no joining is
/// a row's label.
fn joined_label<R: Copy>(
    head: &str,
    tail: &str,
    g: &Grammar<R>,
    started: bool,
) -> Option<(R, String)> {
    // Where a label's numbering may begin in the first half: the start, or before a digit or
    // a bracket.
    let starts = head
        .char_indices()
        .filter(|&(i, c)| i == 0 || c.is_ascii_digit() || c == '(' || c == '（')
        .map(|(i, _)| i)
        .take(8);
    // At most a merged label's few characters before the second half.
    const STRAY: usize = 6;
    for a in starts {
        for (b, _) in tail.char_indices().take(STRAY + 1) {
            let label = format!("{}{}", &head[a..], &tail[b..]);
            if label.chars().count() > MAX_LABEL {
                continue;
            }
            if let Some(row) = (g.row)(&label, started) {
                return Some((row, label));
            }
        }
    }
    None
}

/// Whether `head` holds the beginning of `row`'s printed label (from a numbering on), and not
/// merely text before a piece that reads as the label by itself.
fn begins<R: Copy>(head: &str, row: R, g: &Grammar<R>) -> bool {
    let Some(label) = g.label else {
        return false;
    };
    let whole = label(row);
    head.char_indices()
        .filter(|&(i, c)| i == 0 || c.is_ascii_digit() || c == '(' || c == '（')
        .take(8)
        .any(|(i, _)| {
            let piece = normalise(&head[i..]);
            piece.chars().count() >= 2 && whole.starts_with(&piece)
        })
}

/// Whether a text is the first piece of some row's printed label ("4.保护第三方合"), with its
/// numbering: a new row begins there.
fn starts_a_label<R: Copy>(text: &str, g: &Grammar<R>) -> bool {
    let numbered = text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '（');
    numbered && is_label_start(text, g)
}

/// Whether a text ends with the first piece of some row's label, from a numbering inside it
/// on ("）不5.属于三类内部").
fn holds_a_label_start<R: Copy>(text: &str, g: &Grammar<R>) -> bool {
    text.char_indices()
        .filter(|&(_, c)| c.is_ascii_digit() || c == '(' || c == '（')
        .take(8)
        .any(|(i, _)| is_label_start(&text[i..], g))
}

fn is_label_start<R: Copy>(text: &str, g: &Grammar<R>) -> bool {
    let (Some(label), Some(rows)) = (g.label, g.rows) else {
        return false;
    };
    let piece = normalise(text);
    piece.chars().count() >= 3 && rows.iter().any(|&r| label(r).starts_with(&piece))
}

/// Most characters a row label has ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其
/// 政府信息公开申请" is 40).
const MAX_LABEL: usize = 60;

/// A label run together with the header words before it, as text without line breaks or tabs
/// prints it ("信息内容本年制发件数本年废止件数现行有效件数规章", "(三)不予公开1.属于国家秘密"):
/// the longest ending that is a row's label. Words that are only a column header ("其他",
/// "总计") never count as an ending.
fn unglued<R: Copy>(text: String, g: &Grammar<R>) -> String {
    // Header words starting the run ("第二十条…") do not stop the search for a label after them.
    if (g.row)(&text, true).is_some() {
        return text;
    }
    let from = text
        .char_indices()
        .rev()
        .nth(MAX_LABEL)
        .map_or(0, |(i, _)| i);
    text.char_indices()
        .skip_while(|&(i, _)| i < from)
        .skip(1)
        .map(|(i, _)| &text[i..])
        .find(|tail| (g.row)(tail, false).is_some())
        .map_or(text.clone(), str::to_string)
}

/// A row's label with the first number glued on, as a PDF's narrow column without rules sets
/// them ("行政规范性文件5", "行政事业性收费4351.7195"): the label and the number apart. Labels end
/// in no digit, so the split is certain; whether the number is one cell or a run of several is
/// for the row's count to tell, as for any number.
fn with_number_off<R: Copy>(text: String, g: &Grammar<R>) -> Vec<Token> {
    let digits = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
        .last()
        .map(|(i, _)| i);
    if let Some(i) = digits {
        let (label, number) = text.split_at(i);
        if i > 0
            && number.starts_with(|c: char| c.is_ascii_digit())
            && is_value(number)
            && (g.row)(label, true).is_some()
        {
            return vec![
                Token::Text(label.to_string()),
                Token::Value(number.to_string()),
            ];
        }
    }
    vec![Token::Text(text)]
}

fn push_cell<R: Copy + PartialEq>(
    pending: &mut Option<Row<R>>,
    text: String,
    g: &Grammar<R>,
    rows: &mut Vec<Row<R>>,
    findings: &mut Vec<ImportFinding>,
    finish: &impl Fn(Row<R>, &mut Vec<Row<R>>, &mut Vec<ImportFinding>),
) {
    if let Some(p) = pending.as_mut() {
        p.cells.push(text);
        if p.cells.len() == (g.width)(p.row) {
            if let Some(p) = pending.take() {
                finish(p, rows, findings);
            }
        }
    }
}

fn is_number_cell(t: &Token) -> bool {
    match t {
        Token::Value(_) => true,
        Token::Text(s) => is_cell_text(s) && !is_request_header(s),
        Token::Empty => false,
    }
}

fn cell_text(t: &Token) -> String {
    match t {
        Token::Empty => String::new(),
        Token::Value(s) | Token::Text(s) => s.clone(),
    }
}

pub fn active(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let g = Grammar {
        row: |t, _| active_row(t),
        width: ActiveRow::cells,
        groups: |r| match r {
            ActiveRow::Documents(_) => Some(&[Group {
                cells: 3,
                total: false,
            }]),
            ActiveRow::Decision(_) | ActiveRow::Fee => None,
        },
        is_header: is_active_header,
        is_leftover: is_active_leftover,
        is_group_piece: |_| false,
        table: "表二",
        // Its labels are a few words; they do not wrap.
        label: None,
        rows: None,
        first_cell: |r| match r {
            ActiveRow::Documents(k) => FieldPath::Document(k, DocumentColumn::ALL[0]),
            ActiveRow::Decision(k) => FieldPath::Decision(k),
            ActiveRow::Fee => FieldPath::Fee,
        },
        section: Section::Active,
    };
    let rows = collect(body, &g, findings);
    let missing: Vec<ActiveRow> = ActiveRow::ALL
        .into_iter()
        .filter(|a| !rows.iter().any(|r| r.row == *a))
        .collect();
    if let Some(&first) = missing.first() {
        // A row nobody found is a blank nobody would be told of.
        let names: Vec<&str> = missing.iter().map(|a| a.label()).collect();
        findings.push(ImportFinding {
            line: body.first().map_or(0, |l| l.0),
            text: String::new(),
            reason: format!(
                "表二有 {} 行没有找到：{}。这些格子留空，请对照原文填写。",
                missing.len(),
                names.join("、")
            ),
            path: Some((g.first_cell)(first)),
        });
    }
    for mut r in rows {
        if let Some(unread) = r.unread.take() {
            // 表二's rows have no total: a run reads only where its digits allow one split.
            let path = (g.first_cell)(r.row);
            match &unread.readings {
                Splits::Found(one) if one.len() == 1 => {
                    if !unread.only_zeros() {
                        findings.push(unread.read(g.table, &r.at(), &one[0], path));
                    }
                    r.cells = one[0].iter().map(u64::to_string).collect();
                }
                Splits::Found(many) if quoted_reading(report, r.row, many).is_some() => {
                    let (one, said) = quoted_reading(report, r.row, many).unwrap_or_default();
                    let cells: Vec<String> = one.iter().map(u64::to_string).collect();
                    findings.push(ImportFinding {
                        line: r.line,
                        text: unread.printed.clone(),
                        reason: format!(
                            "{}，有 {} 种拆法，只有一种与“一、总体情况”中写的数字相符（{said}）：{}，已按此填入，请对照原文核对。",
                            unread.what(g.table, &r.label, 3),
                            many.len(),
                            cells.join("、")
                        ),
                        path: Some(path),
                    });
                    r.cells = cells;
                }
                _ => {
                    findings.push(unread.blank(g.table, &r.at(), r.cells.len(), false, path));
                    continue;
                }
            }
        }
        let a = &mut report.active;
        match r.row {
            ActiveRow::Documents(k) => {
                let d = a.documents_mut(k);
                d.issued = CountCell::new(&r.cells[0]);
                d.repealed = CountCell::new(&r.cells[1]);
                d.in_force = CountCell::new(&r.cells[2]);
            }
            ActiveRow::Decision(k) => *a.decision_mut(k) = CountCell::new(&r.cells[0]),
            ActiveRow::Fee => a.fee = MoneyCell::new(&r.cells[0]),
        }
    }
}

/// Table 三's labels, normalised once: they are compared with every piece of text a layout
/// leaves.
fn normalised_request_label(row: RequestRow) -> &'static str {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        RequestRow::ALL
            .iter()
            .map(|r| normalise(r.label()))
            .collect()
    });
    RequestRow::ALL
        .iter()
        .position(|&r| r == row)
        .and_then(|i| labels.get(i))
        .map_or("", String::as_str)
}

pub fn requests(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let g = Grammar {
        row: |t, started| {
            let row = request_row(t)?;
            // "其他" and "总计" are also column headers: rows only once the rows have begun.
            let ambiguous = matches!(normalise(t).as_str(), "其他" | "总计");
            (started || !ambiguous).then_some(row)
        },
        width: |_| 7,
        groups: |_| Some(&REQUEST_ROW),
        is_header: is_request_header,
        is_leftover: is_request_leftover,
        is_group_piece,
        table: "表三",
        label: Some(normalised_request_label),
        rows: Some(&RequestRow::ALL),
        first_cell: |r| FieldPath::Request(r, Applicant::NaturalPerson),
        section: Section::Requests,
    };
    let (rows, mut orphans) = collect_rows(body, &g, findings);
    let mut missing: Vec<RequestRow> = RequestRow::ALL
        .into_iter()
        // A row filled before (the three rows of an all-0 old-style 其他处理) is not missing.
        .filter(|r| {
            !rows.iter().any(|x| x.row == *r)
                && report.requests.get(*r, Applicant::Total).is_empty()
        })
        .collect();
    let mut bare = Vec::new();
    let mut runs = Vec::new();
    for mut r in rows {
        if r.bare {
            bare.push(r);
            continue;
        }
        match r.unread.take() {
            Some(unread) => runs.push((r.at(), r.row, unread)),
            None => {
                for (col, text) in Applicant::ALL.into_iter().zip(&r.cells) {
                    report.requests.set(r.row, col, CountCell::new(text));
                }
            }
        }
    }
    request_runs(runs, report, findings);
    let blank: Vec<RequestRow> = bare.iter().map(|r| r.row).chain(missing.clone()).collect();
    if let Some((row, run, values)) = cut_row(report, &blank, &orphans) {
        for (col, v) in Applicant::ALL.into_iter().zip(&values) {
            report.requests.set(row, col, CountCell::from_count(*v));
        }
        let printed: Vec<&str> = orphans[run.clone()]
            .iter()
            .map(|(_, v)| v.as_str())
            .collect();
        findings.push(ImportFinding {
            line: orphans[run.start].0,
            text: printed.join(" "),
            reason: format!(
                "表三“{}”一行的行名和数字被隔开了（例如表格跨页）：这一行是唯一没有数字的行，数字“{}”是唯一没有所属行的一组，放入这一行后“总计”和表三的勾稽关系都成立，已按此填入，请对照原文核对。",
                row.label(),
                printed.join("、")
            ),
            path: Some(FieldPath::Request(row, Applicant::NaturalPerson)),
        });
        orphans.drain(run);
        bare.retain(|r| r.row != row);
        missing.retain(|r| *r != row);
    } else if let Some(placed) = cut_rows(report, &blank, &orphans) {
        for (row, run, values) in placed.iter().rev() {
            for (col, v) in Applicant::ALL.into_iter().zip(values) {
                report.requests.set(*row, col, CountCell::from_count(*v));
            }
            let printed: Vec<&str> = orphans[run.clone()]
                .iter()
                .map(|(_, v)| v.as_str())
                .collect();
            findings.push(ImportFinding {
                line: orphans[run.start].0,
                text: printed.join(" "),
                reason: format!(
                    "表三“{}”一行的行名和数字被隔开了：表中有 {} 行没有数字、{} 组数字没有所属的行，按表格中行的顺序放入后，每行的“总计”和表三的勾稽关系都成立，数字“{}”已填入这一行，请对照原文核对。",
                    row.label(),
                    placed.len(),
                    placed.len(),
                    printed.join("、")
                ),
                path: Some(FieldPath::Request(*row, Applicant::NaturalPerson)),
            });
            orphans.drain(run.clone());
            bare.retain(|r| r.row != *row);
            missing.retain(|r| r != row);
        }
    }
    for r in &bare {
        findings.push(bare_finding(r, &g));
    }
    if !missing.is_empty() && !body.is_empty() {
        let labels: Vec<&str> = missing.iter().map(|r| r.label()).collect();
        findings.push(ImportFinding {
            line: body.first().map_or(0, |l| l.0),
            text: String::new(),
            reason: format!(
                "表三有 {} 行没有找到：{}。这些格子留空，请对照原文填写。",
                missing.len(),
                labels.join("、")
            ),
            path: missing
                .first()
                .map(|&r| FieldPath::Request(r, Applicant::NaturalPerson)),
        });
    }
    say_orphans(&orphans, &g, findings);
}

/// The one row of 表三 left blank and the one run of numbers left without a row, when they are
/// each other's: a page break between a row's label and its numbers leaves exactly this. Taken
/// only when the run is a whole row (seven counts whose 总计 is the sum of the others) and every
/// 勾稽关系 that concerns the row can be checked, all its terms known, and holds: the row's value
/// is then fixed by the others whatever the run, and the run agrees with it.
fn cut_row(
    report: &Report,
    blank: &[RequestRow],
    orphans: &[(usize, String)],
) -> Option<(RequestRow, std::ops::Range<usize>, Vec<u64>)> {
    let [row] = blank else {
        return None;
    };
    let runs = orphan_runs(orphans);
    let [run] = runs.as_slice() else {
        return None;
    };
    let values: Vec<u64> = orphans[run.clone()]
        .iter()
        .map(|(_, v)| as_count(v))
        .collect::<Option<_>>()?;
    let [cells @ .., total] = values.as_slice() else {
        return None;
    };
    if values.len() != 7 || cells.iter().try_fold(0u64, |a, v| a.checked_add(*v)) != Some(*total) {
        return None;
    }
    let grid = placed(grid_of(report), *row, &values);
    holds_checked(&grid, *row).then(|| (*row, run.clone(), values))
}

/// A row placed from numbers a cut left without a row: the row, where its numbers were among the
/// orphans, and the numbers.
type CutRow = (RequestRow, std::ops::Range<usize>, Vec<u64>);

/// Two or three rows of 表三 left blank and as many runs of numbers left without a row (a
/// converter that moved rows apart): each run a whole row, placed in the template's order of the
/// rows, taken only when then every 勾稽关系 concerning each row has all its terms known and holds.
/// Rows whose sums the identities cannot tell apart are told by their order, and the note says so.
fn cut_rows(
    report: &Report,
    blank: &[RequestRow],
    orphans: &[(usize, String)],
) -> Option<Vec<CutRow>> {
    let mut rows = blank.to_vec();
    rows.sort_by_key(|r| r.index());
    rows.dedup();
    let mut runs = orphan_runs(orphans);
    // Rows moved apart together come as one run of whole rows: seven numbers a row.
    if let [run] = runs.as_slice() {
        if run.len() == 7 * rows.len() {
            let start = run.start;
            runs = (0..rows.len())
                .map(|k| start + 7 * k..start + 7 * (k + 1))
                .collect();
        }
    }
    if !(2..=3).contains(&rows.len()) || runs.len() != rows.len() {
        return None;
    }
    let mut grid = grid_of(report);
    let mut out = Vec::with_capacity(rows.len());
    for (row, run) in rows.iter().zip(&runs) {
        let values: Vec<u64> = orphans[run.clone()]
            .iter()
            .map(|(_, v)| as_count(v))
            .collect::<Option<_>>()?;
        let [cells @ .., total] = values.as_slice() else {
            return None;
        };
        if values.len() != 7
            || cells.iter().try_fold(0u64, |a, v| a.checked_add(*v)) != Some(*total)
        {
            return None;
        }
        grid = placed(grid, *row, &values);
        out.push((*row, run.clone(), values));
    }
    rows.iter().all(|r| holds_checked(&grid, *r)).then_some(out)
}

/// Whether every 勾稽关系 of 表三 that concerns `row` has all its terms known, column by column,
/// and holds.
fn holds_checked(grid: &Grid, row: RequestRow) -> bool {
    let concerned: Vec<_> = identities()
        .iter()
        .filter(|(lhs, rhs)| lhs.contains(&row) || rhs.contains(&row))
        .collect();
    !concerned.is_empty()
        && concerned.iter().all(|(lhs, rhs)| {
            (0..7).all(|c| {
                matches!((column_sum(grid, lhs, c), column_sum(grid, rhs, c)), (Some(a), Some(b)) if a == b)
            })
        })
}

/// The sum of `rows` in column `c`; `None` while one of them is unknown.
fn column_sum(grid: &Grid, rows: &[RequestRow], c: usize) -> Option<u64> {
    rows.iter()
        .try_fold(0u64, |acc, r| Some(acc.saturating_add(grid[r.index()][c]?)))
}

/// 表三's 勾稽关系, each as two sides whose sums are equal in every column: （七）总计 = （一）…
/// （六）, and 一 + 二 = （七）总计 + 四.
/// Built once: the split search asks for them for every combination it weighs.
fn identities() -> &'static [(Vec<RequestRow>, Vec<RequestRow>); 2] {
    static IDENTITIES: std::sync::OnceLock<[(Vec<RequestRow>, Vec<RequestRow>); 2]> =
        std::sync::OnceLock::new();
    IDENTITIES.get_or_init(|| {
        [
            (vec![RequestRow::Total], RequestRow::outcomes().collect()),
            (
                vec![RequestRow::NewReceived, RequestRow::CarriedOver],
                vec![RequestRow::Total, RequestRow::CarriedForward],
            ),
        ]
    })
}

/// 表三 as numbers, by row and column index: `None` for a cell that is blank, unreadable, or a
/// run not split yet.
type Grid = [[Option<u64>; 7]; 25];

/// The most combinations of open runs weighed together; beyond, they stay blank.
const MAX_COMBINATIONS: usize = 100_000;

/// Reads 表三's unread rows: each by its own total first; then a row its total leaves open by the
/// columns' 勾稽关系 with the rows already known, one at a time until nothing changes; then the
/// rows still open together, a reading being taken where every combination that keeps the
/// 勾稽关系 agrees on it. The true reading of a consistent table is always among those weighed,
/// so a reading taken is the true one. A row left with no reading or several stays blank and is
/// named.
fn request_runs(
    runs: Vec<(RowAt, RequestRow, Unread)>,
    report: &mut Report,
    findings: &mut Vec<ImportFinding>,
) {
    let path = |row: RequestRow| FieldPath::Request(row, Applicant::NaturalPerson);
    let mut grid = grid_of(report);
    // Each open row with the readings still possible.
    let mut open = Vec::new();
    for (at, row, unread) in runs {
        match &unread.readings {
            Splits::Found(found) if !found.is_empty() => {
                let found = found.clone();
                open.push((at, row, unread, found));
            }
            _ => findings.push(unread.blank("表三", &at, 7, false, path(row))),
        }
    }
    let mut decided = Vec::new();
    let mut contradicted = Vec::new();
    loop {
        let mut changed = false;
        let mut i = 0;
        while i < open.len() {
            let row = open[i].1;
            open[i]
                .3
                .retain(|split| holds(&placed(grid, row, split), &[row]));
            match open[i].3.len() {
                1 => {
                    let (at, row, unread, mut found) = open.remove(i);
                    let split = found.remove(0);
                    grid = placed(grid, row, &split);
                    decided.push((at, row, unread, split));
                }
                0 => contradicted.push(open.remove(i)),
                _ => {
                    i += 1;
                    continue;
                }
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
    // The rows still open, weighed together.
    let rows: Vec<RequestRow> = open.iter().map(|o| o.1).collect();
    let combinations = open
        .iter()
        .try_fold(1usize, |n, o| n.checked_mul(o.3.len()))
        .filter(|&n| n <= MAX_COMBINATIONS && !open.is_empty());
    // Per open row: `None` while no combination kept the 勾稽关系, then the reading every kept
    // combination chose, or `Some(None)` once two disagree.
    let mut agreed: Vec<Option<Option<usize>>> = vec![None; open.len()];
    for mut n in 0..combinations.unwrap_or(0) {
        let mut g = grid;
        let mut choice = Vec::with_capacity(open.len());
        for (_, row, _, found) in &open {
            let k = n % found.len();
            n /= found.len();
            g = placed(g, *row, &found[k]);
            choice.push(k);
        }
        if holds(&g, &rows) {
            for (a, &k) in agreed.iter_mut().zip(&choice) {
                *a = match *a {
                    None => Some(Some(k)),
                    Some(Some(j)) if j == k => Some(Some(k)),
                    _ => Some(None),
                };
            }
        }
    }
    let none_kept = combinations.is_some() && agreed.iter().all(Option::is_none);
    for ((at, row, unread, mut found), a) in open.into_iter().zip(agreed) {
        match a {
            Some(Some(k)) => {
                let split = found.swap_remove(k);
                decided.push((at, row, unread, split));
            }
            _ if none_kept => contradicted.push((at, row, unread, found)),
            _ => {
                // What is left open is said, not what the row first allowed.
                let left = Unread {
                    readings: Splits::Found(found),
                    ..unread
                };
                findings.push(left.blank("表三", &at, 7, false, path(row)));
            }
        }
    }
    for (at, row, unread, _) in contradicted {
        findings.push(unread.blank("表三", &at, 7, true, path(row)));
    }
    for (at, row, unread, split) in decided {
        findings.push(unread.read("表三", &at, &split, path(row)));
        for (col, v) in Applicant::ALL.into_iter().zip(&split) {
            report.requests.set(row, col, CountCell::from_count(*v));
        }
    }
}

/// 表三 as read so far.
fn grid_of(report: &Report) -> Grid {
    let mut grid: Grid = [[None; 7]; 25];
    for (row, col, cell) in report.requests.cells() {
        grid[row.index()][col.index()] = cell.value().copied();
    }
    grid
}

fn placed(mut grid: Grid, row: RequestRow, split: &[u64]) -> Grid {
    for (cell, v) in grid[row.index()].iter_mut().zip(split) {
        *cell = Some(*v);
    }
    grid
}

/// Whether every 勾稽关系 of 表三 that concerns one of `rows` holds, column by column, where the
/// grid knows all its terms: （七）总计 = （一）…（六）, and 一 + 二 = （七）总计 + 四. Identities
/// about other rows only are not asked: a slip printed elsewhere must not block a split here.
fn holds(grid: &Grid, rows: &[RequestRow]) -> bool {
    identities()
        .iter()
        .filter(|(lhs, rhs)| rows.iter().any(|r| lhs.contains(r) || rhs.contains(r)))
        .all(|(lhs, rhs)| {
            (0..7).all(|c| {
                match (column_sum(grid, lhs, c), column_sum(grid, rhs, c)) {
                    (Some(a), Some(b)) => a == b,
                    // A term still unknown: this identity cannot speak yet.
                    _ => true,
                }
            })
        })
}

pub fn review(body: &[Line], report: &mut Report, findings: &mut Vec<ImportFinding>) {
    // The table's 15 numbers are in one row under a three-level header; take them in order,
    // positionally when one line holds exactly 15 cells.
    let mut values: Vec<String> = Vec::new();
    let mut first_line = 0;
    for &(n, line) in body {
        let tokens = unglued_review_header(tokenize(line));
        let cells: Vec<&Token> = tokens
            .iter()
            .filter(|t| is_number_cell(t) || matches!(t, Token::Empty))
            .collect();
        let numbers = tokens
            .iter()
            .filter(|t| matches!(t, Token::Value(_)))
            .count();
        if numbers == 0 {
            for t in &tokens {
                if let Token::Text(s) = t {
                    let n_s = normalise(s);
                    if !n_s.is_empty() && !is_review_leftover(&n_s) {
                        findings.push(ImportFinding {
                            line: n,
                            text: s.clone(),
                            reason: format!("表四中的文字“{s}”不是表格的内容，未能导入，请核对。"),
                            path: Some(FieldPath::Section(Section::Review)),
                        });
                    }
                }
            }
            continue;
        }
        if first_line == 0 {
            first_line = n;
        }
        if cells.len() == tokens.len() && tokens.len() == 15 && values.is_empty() {
            values = tokens.iter().map(cell_text).collect();
        } else {
            values.extend(tokens.iter().filter(|t| is_number_cell(t)).map(cell_text));
        }
    }
    let path = FieldPath::Review(ReviewGroup::Reconsideration, ReviewOutcome::Upheld);
    if values.is_empty() {
        // A table 四 with no number at all is blank, and the user must hear of it.
        if let Some(&(line, _)) = body.iter().find(|(_, l)| !l.trim().is_empty()) {
            findings.push(ImportFinding {
                line,
                text: String::new(),
                reason: "表四中没有找到数字，表四留空，请对照原文填写。".into(),
                path: Some(path),
            });
        }
        return;
    }
    if values.len() < 15 {
        // All fifteen numbers run together, or one lost: read by the three groups' 总计 where
        // that leaves one reading; anything else short stays blank, for no number can be placed.
        let at = RowAt {
            line: first_line,
            label: "行政复议、行政诉讼".to_string(),
        };
        match Unread::of(&values, &REVIEW_ROW) {
            Some(unread) => match &unread.readings {
                Splits::Found(one) if one.len() == 1 => {
                    if !unread.only_zeros() {
                        findings.push(unread.read("表四", &at, &one[0], path));
                    }
                    values = one[0].iter().map(u64::to_string).collect();
                }
                _ => {
                    findings.push(unread.blank("表四", &at, 15, false, path));
                    return;
                }
            },
            None => {
                findings.push(ImportFinding {
                    line: first_line,
                    text: values.join(" "),
                    reason: format!(
                        "表四应有 15 个数字，只找到了 {} 个（{}），无法确定各属于哪一栏，表四留空，请对照原文填写。",
                        values.len(),
                        values.join("、")
                    ),
                    path: Some(path),
                });
                return;
            }
        }
    }
    if values.len() > 15 {
        findings.push(ImportFinding {
            line: first_line,
            text: values.join(" "),
            reason: format!(
                "表四应有 15 个数字，找到了 {} 个，已按顺序填入前 15 个，请核对。",
                values.len()
            ),
            path: Some(path),
        });
    }
    let cells = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| ReviewOutcome::ALL.map(move |o| (g, o)));
    for ((g, o), text) in cells.zip(values) {
        *report.review.group_mut(g).get_mut(o) = CountCell::new(&text);
    }
}

/// The one reading of a 表二 document row's run that agrees with every count section 一 quotes for
/// it ("现行有效行政规范性文件698件"), and what was quoted; None unless exactly one agrees and the
/// text quotes at least two of its three columns (one quoted count settles too little).
fn quoted_reading(
    report: &Report,
    row: ActiveRow,
    readings: &[Vec<u64>],
) -> Option<(Vec<u64>, String)> {
    let ActiveRow::Documents(kind) = row else {
        return None;
    };
    let o = &report.overview;
    let mut text = o.intro.clone();
    for k in nianbao_core::model::PartKind::ALL {
        if let Some(p) = o.part(k) {
            text.push('\n');
            text.push_str(&p.text);
        }
    }
    let quoted = crate::evidence::quoted_counts(&text, kind);
    if quoted.iter().flatten().count() < 2 {
        return None;
    }
    let agrees = |r: &&Vec<u64>| {
        r.len() == 3
            && quoted
                .iter()
                .zip(r.iter())
                .all(|(q, v)| q.is_none_or(|q| q == *v))
    };
    let mut fitting = readings.iter().filter(agrees);
    let one = fitting.next()?;
    if fitting.next().is_some() {
        return None;
    }
    let said: Vec<String> = DocumentColumn::ALL
        .iter()
        .zip(quoted)
        .filter_map(|(c, q)| q.map(|q| format!("{} {q}", c.label())))
        .collect();
    Some((one.clone(), said.join("、")))
}

/// Table 四's header words with its numbers glued on ("…尚未审结总计201140400410012", a page's
/// text with its cells run together): the words and the run apart.
fn unglued_review_header(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for t in tokens {
        let Token::Text(s) = &t else {
            out.push(t);
            continue;
        };
        let head = s.trim_end_matches(|c: char| fold_width(c).is_ascii_digit());
        let n_head = normalise(head);
        if head.len() < s.len() && !n_head.is_empty() && is_review_leftover(&n_head) {
            out.push(Token::Text(head.to_string()));
            out.push(Token::Value(s[head.len()..].to_string()));
        } else {
            out.push(t);
        }
    }
    out
}

/// Blank cells of a published table 三: where a row's 总计 equals the sum of the cells it prints,
/// every blank of the row can only be 0 (counts are never negative), and it is imported as 0 —
/// said once for the table. A blank nothing settles stays blank, and the rows holding one are
/// named.
pub fn blank_request_cells(report: &mut Report, findings: &mut Vec<ImportFinding>) {
    let t = &mut report.requests;
    let mut zeroed = 0;
    let mut open: Vec<RequestRow> = Vec::new();
    for row in RequestRow::ALL {
        let cols = &Applicant::ALL[..6];
        let blanks: Vec<Applicant> = cols
            .iter()
            .copied()
            .filter(|c| t.get(row, *c).is_empty())
            .collect();
        let filled = cols.len() - blanks.len();
        // A row with nothing printed but its label is another matter: its own finding says so.
        if blanks.is_empty() || filled == 0 && t.get(row, Applicant::Total).is_empty() {
            continue;
        }
        let known: Option<u64> = cols
            .iter()
            .filter(|c| !blanks.contains(c))
            .map(|c| t.get(row, *c).value().copied())
            .sum();
        match (known, t.get(row, Applicant::Total).value()) {
            (Some(k), Some(&total)) if k == total => {
                for c in blanks {
                    t.set(row, c, CountCell::from_count(0));
                    zeroed += 1;
                }
            }
            _ => open.push(row),
        }
    }
    if zeroed > 0 {
        findings.push(ImportFinding {
            line: 0,
            text: String::new(),
            reason: format!(
                "表三有 {zeroed} 个空白格，所在行的总计等于已填各栏之和，这些空白格只能是 0，已按 0 导入，请核对。"
            ),
            path: Some(FieldPath::Section(Section::Requests)),
        });
    }
    if let Some(&first) = open.first() {
        let names: Vec<&str> = open.iter().map(|r| r.label()).collect();
        findings.push(ImportFinding {
            line: 0,
            text: String::new(),
            reason: format!(
                "表三有 {} 行留有空白格，总计与已填各栏对不上，无法确定空白格的数字，这些格子留空，请对照原文填写：{}。",
                open.len(),
                names.join("、")
            ),
            path: Some(FieldPath::Request(first, Applicant::NaturalPerson)),
        });
    }
}
