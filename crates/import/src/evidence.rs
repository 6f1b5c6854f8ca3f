//! What a report's own text says of table 二's documents ("集中公开现行有效行政规范性文件698件，动态
//! 更新本年度制发的规范性文件88件"): the counts it quotes, each with the column its words name,
//! to settle a run of digits the table alone cannot ("8855698").

use nianbao_core::model::{DocumentColumn, DocumentKind};

use crate::tokens::is_blank;

/// The words that name a column in a sentence.
fn column_words(c: DocumentColumn) -> &'static [&'static str] {
    match c {
        DocumentColumn::Issued => &["制发", "印发", "出台"],
        DocumentColumn::Repealed => &["废止"],
        DocumentColumn::InForce => &["现行有效"],
    }
}

/// The counts of each column that the text quotes for `kind`, where one clause (up to a "，"
/// "。" or "；") names the kind and the column and then one number: `None` where the text says
/// nothing, or says two things.
pub fn quoted_counts(text: &str, kind: DocumentKind) -> [Option<u64>; 3] {
    let mut found: [Vec<u64>; 3] = Default::default();
    for clause in text.split(['，', '。', '；', ',', ';', '\n']) {
        let names_kind = match kind {
            DocumentKind::Regulations => clause.contains("规章"),
            DocumentKind::NormativeDocuments => {
                clause.contains("规范性文件") && !clause.contains("规章")
            }
        };
        if !names_kind {
            continue;
        }
        for (i, c) in DocumentColumn::ALL.into_iter().enumerate() {
            let words: Vec<usize> = column_words(c)
                .iter()
                .filter_map(|w| clause.find(w).map(|at| at + w.len()))
                .collect();
            let Some(&after) = words.iter().min() else {
                continue;
            };
            let numbers = numbers_in(&clause[after..]);
            if let [n] = numbers.as_slice() {
                found[i].push(*n);
            }
        }
    }
    found.map(|v| match v.as_slice() {
        [n, rest @ ..] if rest.iter().all(|m| m == n) => Some(*n),
        _ => None,
    })
}

/// The whole numbers of a piece of text followed by a counting word (件/份/个/部), as printed.
fn numbers_in(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut digits = String::new();
    for c in s.chars().map(nianbao_core::cell::fold_width) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let counted = !is_blank(c) && "件份个部".contains(c);
            if counted {
                out.extend(digits.parse::<u64>().ok());
            }
            digits.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_a_report_quotes_for_its_normative_documents() {
        let text = "一是做好规范性文件公开。设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。";
        assert_eq!(
            quoted_counts(text, DocumentKind::NormativeDocuments),
            [Some(88), None, Some(698)]
        );
        assert_eq!(quoted_counts(text, DocumentKind::Regulations), [None; 3]);
    }

    #[test]
    fn two_different_counts_say_nothing() {
        let text = "制发规范性文件5件；全年制发规范性文件7件";
        assert_eq!(
            quoted_counts(text, DocumentKind::NormativeDocuments)[0],
            None
        );
        assert_eq!(
            quoted_counts("2023年制发规范性文件", DocumentKind::NormativeDocuments)[0],
            None
        );
    }
}
