//! The canonical text form of a report: the layout of seed 003 (headings on their own lines,
//! tab-separated tables with the official labels). Importing it gives the same report back.

use std::fmt::Write as _;

use nianbao_core::model::{
    Applicant, DecisionKind, DocumentColumn, DocumentKind, Report, RequestRow, ReviewGroup,
    ReviewOutcome, Section,
};

/// Cell text on one line: a tab or line break typed into a cell would split the table.
fn cell(raw: &str) -> String {
    raw.replace(['\t', '\n', '\r'], " ")
}

fn paragraphs(out: &mut String, text: &str) {
    for p in text.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "{}\n", p.trim());
    }
}

pub fn to_canonical_text(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", r.title());

    let _ = writeln!(out, "{}\n", Section::Overview.heading());
    paragraphs(&mut out, &r.overview.intro);
    for (k, p) in r.overview.parts() {
        let _ = writeln!(out, "{}{}\n", k.numeral(), p.heading_or_standard(k));
        paragraphs(&mut out, &p.text);
    }

    let _ = writeln!(out, "{}\n", Section::Active.heading());
    let a = &r.active;
    let _ = writeln!(out, "第二十条第（一）项");
    let _ = writeln!(
        out,
        "信息内容\t{}",
        DocumentColumn::ALL.map(|c| c.label()).join("\t")
    );
    for k in DocumentKind::ALL {
        let d = a.documents(k);
        let cells = DocumentColumn::ALL.map(|c| cell(d.get(c).raw()));
        let _ = writeln!(out, "{}\t{}", k.label(), cells.join("\t"));
    }
    for (item, kinds) in [
        ("第二十条第（五）项", &[DecisionKind::Licensing][..]),
        (
            "第二十条第（六）项",
            &[DecisionKind::Penalty, DecisionKind::Enforcement][..],
        ),
    ] {
        let _ = writeln!(out, "{item}\n信息内容\t本年处理决定数量");
        for &k in kinds {
            let _ = writeln!(out, "{}\t{}", k.label(), cell(a.decision(k).raw()));
        }
    }
    let _ = writeln!(
        out,
        "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t{}\n",
        cell(a.fee.raw())
    );

    let _ = writeln!(out, "{}\n", Section::Requests.heading());
    let _ = writeln!(
        out,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况"
    );
    let _ = writeln!(out, "\t自然人\t法人或其他组织\t\t\t\t\t总计");
    let _ = writeln!(
        out,
        "\t\t{}",
        Applicant::ORGANISATIONS.map(|c| c.label()).join("\t")
    );
    for row in RequestRow::ALL {
        let group = row.group().filter(|g| g.has_sub_rows());
        let prefix = match group {
            Some(g) if g.rows().first() == Some(&row) => format!("{}\t", g.label()),
            _ => String::new(),
        };
        if row == RequestRow::Granted {
            out.push_str("三、本年度办理结果\n");
        }
        let cells = Applicant::ALL.map(|c| cell(r.requests.get(row, c).raw()));
        let _ = writeln!(out, "{prefix}{}\t{}", row.label(), cells.join("\t"));
    }
    out.push('\n');

    let _ = writeln!(out, "{}\n", Section::Review.heading());
    let _ = writeln!(out, "行政复议\t\t\t\t\t行政诉讼");
    let _ = writeln!(out, "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉");
    let outcomes = ReviewOutcome::ALL.map(|o| o.label()).join("\t");
    let _ = writeln!(out, "{outcomes}\t{outcomes}\t{outcomes}");
    let values: Vec<String> = ReviewGroup::ALL
        .into_iter()
        .flat_map(|g| ReviewOutcome::ALL.map(move |o| (g, o)))
        .map(|(g, o)| cell(r.review.group(g).get(o).raw()))
        .collect();
    let _ = writeln!(out, "{}\n", values.join("\t"));

    let _ = writeln!(out, "{}\n", Section::Problems.heading());
    paragraphs(&mut out, &r.problems);
    let _ = writeln!(out, "{}\n", Section::Other.heading());
    paragraphs(&mut out, &r.other);
    out
}
