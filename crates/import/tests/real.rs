//! Six real published reports (tests/import/real, with their cells decoded by hand in
//! expected/NAME.expected.json): every decoded cell right or, where the file itself leaves a
//! reading open, blank and named — never a number silently wrong; all six sections with text.

mod common;

use common::score::{case, decoded_cells, score, sections_with_text};

fn check(name: &str, agency: &str, at_least_right: usize, max_notes: usize) {
    let (bytes, expected) = case("real", name);
    let decoded = decoded_cells(&expected).expect("decoded cells");
    let got = nianbao_import::import_bytes(&bytes, Some(name)).expect("imports");
    let s = score(&got, &decoded);
    // The agency and year come from the title, whatever order and chrome it is printed with.
    assert_eq!(got.report.meta.agency, agency, "{name}");
    let year: u64 = name
        .split(['-', '.'])
        .find_map(|p| p.parse().ok())
        .expect("year in the name");
    assert_eq!(got.report.meta.year(), Some(year), "{name}");
    let notes: Vec<String> = got.findings.iter().map(|f| f.reason.clone()).collect();
    assert_eq!(
        s.wrong_silent + s.blank_silent + s.wrong_named,
        0,
        "{name}: cells wrong or silently blank: {:#?}\nnotes: {notes:#?}",
        s.misses
    );
    assert!(
        s.right >= at_least_right,
        "{name}: {} of {} cells right, {at_least_right} before: {:#?}",
        s.right,
        s.cells(),
        s.misses
    );
    assert_eq!(sections_with_text(&got), [true; 6], "{name}: {notes:#?}");
    assert!(
        got.findings.len() <= max_notes,
        "{name}: {} notes: {notes:#?}",
        got.findings.len()
    );
}

#[test]
fn pingtan_2022_one_line_and_digit_runs() {
    check("pingtan-2022.txt", "平潭综合实验区", 194, 4);
}

#[test]
fn pingtan_gaj_2024_irregular_spacing() {
    check("pingtan-gaj-2024.txt", "平潭综合实验区公安局", 200, 4);
}

#[test]
fn pingtan_czj_2023_table_two_in_narrative() {
    check("pingtan-czj-2023.txt", "平潭综合实验区财政金融局", 200, 7);
}

#[test]
fn shuyang_fgj_2023_saved_page_with_blank_columns() {
    check("shuyang-fgj-2023.html", "沭阳县发展和改革局", 200, 2);
}

#[test]
fn shanghai_office_2025_markdown_from_a_pdf() {
    check("shanghai-office-2025.md", "上海市人民政府办公厅", 194, 13);
}

#[test]
fn hongze_2023_wps_pdf() {
    check("hongze-2023.pdf", "洪泽区人民政府", 200, 5);
}
