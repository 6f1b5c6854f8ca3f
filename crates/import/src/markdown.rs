//! Text converted to Markdown by another tool (a PDF put through a converter, a page saved as
//! `.md`): its pipe tables become the tab-separated cells every text table is read from, its
//! separator rows and heading marks go. One line in, one line out, so line numbers stay true.

/// "| 规章 | 22 | 235 |" → "规章\t22\t235"; "|---|---|" → ""; "## 表二：…" → "表二：…". None when the
/// text holds no pipe table (nothing to change).
pub fn unpiped(text: &str) -> Option<String> {
    let rows = text.lines().filter(|l| pipe_cells(l).is_some()).count();
    // A lone "|" in a sentence is no table: a table has a separator row and some rows.
    if rows < 2 || !text.lines().any(is_separator) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if is_separator(line) {
        } else if let Some(cells) = pipe_cells(line) {
            out.push_str(&cells.join("\t"));
        } else if let Some(heading) = heading_text(line) {
            out.push_str(heading);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

fn pipe_cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    // Trailing empty cells a converter adds beyond the table's columns carry nothing.
    let end = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    Some(cells[..end].to_vec())
}

/// "|---|:---:|---|": the row under a table's header.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// "## 表二：主动公开政府信息情况" → "表二：主动公开政府信息情况".
fn heading_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t.trim_start_matches('#');
    (rest.len() < t.len() && t.len() - rest.len() <= 6 && rest.starts_with(' '))
        .then(|| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_rows_become_cells_and_separators_go() {
        let md = "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n## 表二：主动公开政府信息情况\n| 规章 | 22 | 235 |  |\n";
        assert_eq!(
            unpiped(md).as_deref(),
            Some("二、主动公开政府信息情况\n信息内容\t本年制发件数\n\n表二：主动公开政府信息情况\n规章\t22\t235\n")
        );
    }

    #[test]
    fn a_text_without_pipe_tables_is_left_alone() {
        assert_eq!(unpiped("一、总体情况\n本机关 | 全年\n#号不是标题"), None);
    }
}
