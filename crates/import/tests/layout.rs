//! Text laid out by a PDF-to-text tool (`pdftotext -layout`), of our own PDFs and LibreOffice's
//! PDFs of the five seeds: labels wrapped over lines around their numbers, a merged label's
//! characters between other rows' labels, page numbers, a table header repeated on a new page.
//! Every number equals the seed's or is left blank and named.

mod common;

use common::nothing_silently_wrong;
use nianbao_core::{load_report, Report};
use nianbao_import::import_text;

fn fixture(i: usize) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/00{i}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(path).expect("fixture")).expect("loads")
}

fn layout(producer: &str, i: usize) -> String {
    let path = format!(
        "{}/../../tests/import/pdftotext/{producer}-00{i}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("pdftotext fixture")
}

#[test]
fn pdftotext_layouts_of_every_seed_import_without_a_wrong_number() {
    for producer in ["nianbao", "libreoffice"] {
        for i in 0..5 {
            let what = format!("pdftotext -layout of {producer}'s PDF of seed {i}");
            let truth = fixture(i);
            let got = import_text(&layout(producer, i));
            assert_eq!(got.sections_found, 6, "{what}");
            let tally = nothing_silently_wrong(&truth, &got, &what);
            assert_eq!(tally.blank_named, 0, "{what}: every number read");
            assert_eq!(got.report.meta.agency, truth.meta.agency, "{what}");
            assert_eq!(got.report.meta.year, truth.meta.year, "{what}");
            // The headers spread over lines and the ends of wrapped labels are pieces of the
            // tables' own words: no note for them, so the notes that matter stand out.
            let noise: Vec<_> = got
                .findings
                .iter()
                .filter(|f| f.reason.contains("不是表格"))
                .map(|f| &f.text)
                .collect();
            assert!(noise.is_empty(), "{what}: {noise:?}");
            // The page numbers ("— 3 —", "—3—") are not read as text.
            for text in [
                &got.report.problems,
                &got.report.other,
                &got.report.overview.intro,
            ] {
                assert!(
                    !text.contains("—3—") && !text.contains("— 3 —"),
                    "{what}: {text}"
                );
            }
        }
    }
}

#[test]
fn a_merged_labels_character_before_a_rows_label_is_dropped() {
    // The example: 办 of the tall "三、本年度办理结果" printed before 4.保护第三方合法权益.
    let seed = common::seed(3);
    let text = seed.replace(
        "\t\t4. 保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2",
        "     办4.保护第三方合法权益      2    0    0     0     0   0    2",
    );
    assert!(text != seed, "the row is in the seed as written here");
    let truth = import_text(&seed).report;
    let got = import_text(&text);
    nothing_silently_wrong(&truth, &got, "办4.保护第三方合法权益");
    assert!(got.report.requests == truth.requests, "表三 as in the seed");
}

#[test]
fn text_in_a_layout_that_is_no_piece_of_the_tables_words_is_still_named() {
    let layout = layout("nianbao", 3);
    let text = layout.replacen(
        "            6.属于四类过程性信息",
        "            注：本表由办公室统计\n            6.属于四类过程性信息",
        1,
    );
    assert!(text != layout, "the row is in the fixture as written here");
    let got = import_text(&text);
    assert!(
        got.findings
            .iter()
            .any(|f| f.text.contains("注：本表由办公室统计") && f.reason.contains("不是表格的行名")),
        "{:?}",
        got.findings
    );
}

/// The layout a narrow table without rules gives (a LibreOffice PDF read by position): each
/// label wrapped around its numbers, a tall group label's pieces between the rows, table 三's
/// header repeated mid-table, labels with their first number glued on.
#[test]
fn labels_wrapped_around_their_numbers_in_narrow_columns_keep_their_numbers() {
    let seed = common::seed(3);
    let rows = [
        (
            "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n",
            // The last piece reads as the row by itself ("法规禁止公开").
            "2.其他法律行政\n0\t0\t0\t0\t0\t0\t0\n法规禁止公开\n",
        ),
        (
            "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n",
            "3.危及“三安全\n0\t0\t0\t0\t0\t0\t0\n一稳定”\n",
        ),
        (
            "\t\t4. 保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2\n",
            // A piece of 表三's tall （三）不予公开 on the numbers' line, another after.
            "4.保护第三方合\n（三\t2\t0\t0\t0\t0\t0\t2\n法权益\n）不\n",
        ),
        (
            "3. 其他\t\t12\t0\t0\t0\t6\t0\t18\t\n",
            // The header repeated on a new page before the row: its "其他" is no row.
            "申请人情况\n项加第四项之和）\t商业企业\t公益\t其他\n3.其他\t12\t0\t0\t0\t6\t0\t18\n",
        ),
        ("行政规范性文件\t5\t18\t77\n", "行政规范性文件5\t\t18\t77\n"),
        (
            "行政事业性收费\t4351.7195\t\t\n",
            "行政事业性收费4351.7195\n",
        ),
    ];
    let mut text = seed.clone();
    for (from, to) in rows {
        assert!(
            text.contains(from),
            "{from:?} is in the seed as written here"
        );
        text = text.replacen(from, to, 1);
    }
    let truth = import_text(&seed).report;
    let got = import_text(&text);
    let tally = nothing_silently_wrong(&truth, &got, "narrow columns");
    assert_eq!(
        tally.blank_named, 0,
        "every number read: {:#?}",
        got.findings
    );
    assert!(got.report.requests == truth.requests, "表三 as in the seed");
    assert!(got.report.active == truth.active, "表二 as in the seed");
}

/// A label whose numbers never came must not take the next row's: the row stays blank and
/// named, and the numbers after the next label are that label's.
#[test]
fn a_label_without_numbers_does_not_take_the_next_rows() {
    let seed = common::seed(3);
    let from = "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n\t\t4. 保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2\n";
    let to = "3.危及“三安全\n一稳定”\n4.保护第三方合\n2\t0\t0\t0\t0\t0\t2\n法权益\n";
    assert!(
        seed.contains(from),
        "the rows are in the seed as written here"
    );
    let truth = import_text(&seed).report;
    let got = import_text(&seed.replacen(from, to, 1));
    let tally = nothing_silently_wrong(&truth, &got, "a label without numbers");
    // 三安全一稳定 is blank and named (7 cells); 4.保护第三方合法权益 has its 2s.
    assert_eq!(tally.blank_named, 7, "{:#?}", got.findings);
    use nianbao_core::model::{Applicant, RequestRow};
    assert_eq!(
        got.report
            .requests
            .get(RequestRow::WithheldThirdParty, Applicant::Total)
            .raw(),
        "2"
    );
}

/// Text copied out of a PDF viewer (plain `pdftotext`): the table's cells come block by block,
/// labels apart from their numbers. Nothing may be read into a wrong cell; the user is told once
/// to import the PDF itself, and the numbers left over are said in runs, not one note each.
#[test]
fn text_copied_from_a_pdf_viewer_reads_nothing_wrong_and_says_to_import_the_pdf() {
    for i in 0..5 {
        let what = format!("plain pdftotext of LibreOffice's PDF of seed {i}");
        let text = std::fs::read_to_string(format!(
            "{}/../../tests/import/pdftotext/raw-libreoffice-00{i}.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture");
        let got = import_text(&text);
        assert_eq!(got.sections_found, 6, "{what}");
        nothing_silently_wrong(&fixture(i), &got, &what);
        assert!(
            got.findings
                .iter()
                .any(|f| f.reason.contains("请直接导入那个文件")),
            "{what}: {:#?}",
            got.findings
        );
        let orphan_notes = got
            .findings
            .iter()
            .filter(|f| f.reason.contains("找不到所属的行"))
            .count();
        assert!(
            orphan_notes <= 10,
            "{what}: {orphan_notes} notes about numbers"
        );
    }
}

/// A row cut by a page break: its numbers at the foot of one page, its label at the head of the
/// next (a PDF without rules, seeds 000 and 004). Read when it is the only row without numbers,
/// the numbers are the only run without a row, and the 勾稽关系 then all hold; otherwise blank
/// and named.
#[test]
fn a_row_cut_from_its_numbers_is_read_only_when_the_identities_leave_no_doubt() {
    let seed = common::seed(3);
    let row = |label: &str, numbers: &str| format!("\t\t{label}\t{numbers}\n");
    let cut = |label: &str, numbers: &str| format!("{numbers}\n{}\n", label.replace(' ', ""));
    let (query, query_numbers) = ("8. 属于行政查询事项", "7\t0\t0\t0\t0\t0\t7");
    let (third, third_numbers) = ("4. 保护第三方合法权益", "2\t0\t0\t0\t0\t0\t2");
    assert!(seed.contains(&row(query, query_numbers)) && seed.contains(&row(third, third_numbers)));
    let truth = import_text(&seed).report;
    let said = |got: &nianbao_import::Imported| {
        got.findings
            .iter()
            .filter(|f| f.reason.contains("行名和数字被隔开了"))
            .count()
    };

    // The one cut row: read, and said.
    let one = seed.replacen(&row(query, query_numbers), &cut(query, query_numbers), 1);
    let got = import_text(&one);
    let tally = nothing_silently_wrong(&truth, &got, "one cut row");
    // Every cell equals the seed's: 7 0 0 0 0 0 7 in its row.
    assert_eq!(tally.blank_named, 0, "{:#?}", got.findings);
    assert_eq!(said(&got), 1, "{:#?}", got.findings);

    // Two cut rows of one group: the identities fix only their sum, so the template's order of
    // the rows decides which run is whose (issue 25: order decides where nothing else can), and
    // each note says so.
    let two = one.replacen(&row(third, third_numbers), &cut(third, third_numbers), 1);
    let got = import_text(&two);
    let tally = nothing_silently_wrong(&truth, &got, "two cut rows");
    assert_eq!(tally.blank_named, 0, "{:#?}", got.findings);
    assert_eq!(said(&got), 2);
    assert!(got
        .findings
        .iter()
        .filter(|f| f.reason.contains("行名和数字被隔开了"))
        .all(|f| f.reason.contains("按表格中行的顺序放入")));
    // A run that is no whole row (its 总计 not its sum) among them: both stay blank and named.
    let broken = one.replacen(
        &row(third, third_numbers),
        &cut(third, "2\t0\t0\t0\t0\t0\t3"),
        1,
    );
    let got = import_text(&broken);
    let tally = nothing_silently_wrong(&truth, &got, "two cut rows, one broken");
    assert_eq!(tally.blank_named, 14, "{:#?}", got.findings);
    assert_eq!(said(&got), 0);

    // Numbers whose 总计 is not their sum, or that break the column sums: not this row's for
    // certain, blank and named.
    for numbers in ["7\t0\t0\t0\t0\t0\t8", "6\t0\t0\t0\t0\t1\t7"] {
        let text = seed.replacen(&row(query, query_numbers), &cut(query, numbers), 1);
        let got = import_text(&text);
        let tally = nothing_silently_wrong(&truth, &got, numbers);
        assert_eq!(tally.blank_named, 7, "{numbers}: {:#?}", got.findings);
        assert_eq!(said(&got), 0, "{numbers}");
    }
}
