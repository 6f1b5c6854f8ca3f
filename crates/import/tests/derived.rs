//! The real reports in other forms they are found in (tests/import/derived, see its README): the
//! column-by-column text of a PDF, full-width digits with CRLF, a web page stripped to one line.
//! Never a number silently wrong or blank; at least as many cells right as today.

mod common;

use common::score::{case, decoded_cells, score, sections_with_text};

fn check(name: &str, at_least_right: usize) {
    let (bytes, expected) = case("derived", name);
    let decoded = decoded_cells(&expected).expect("decoded cells");
    let got = nianbao_import::import_bytes(&bytes, Some(name)).expect("imports");
    let s = score(&got, &decoded);
    assert_eq!(
        s.wrong_silent + s.blank_silent,
        0,
        "{name}: cells silently wrong or blank: {:#?}",
        s.misses
    );
    assert!(
        s.right >= at_least_right,
        "{name}: {} of {} right, {at_least_right} before",
        s.right,
        s.cells()
    );
    assert_eq!(sections_with_text(&got), [true; 6], "{name}");
}

#[test]
fn a_pdf_read_column_by_column_names_the_rows_it_cannot_trust() {
    // Two rows came out one cell off ("（七）总计 0 21 0 0 0 0 0"): they do not add up, and are
    // named as such.
    check("hongze-raw-2023.txt", 68);
}

#[test]
fn full_width_digits_and_crlf_read_as_plain_ones() {
    check("gaj-fw-2024.txt", 200);
}

#[test]
fn a_web_page_stripped_to_one_line_leaves_open_rows_blank_and_named() {
    // The page's blank organisation cells are gone: "26 26" could be any column and 总计.
    check("shuyang-oneline-2023.txt", 25);
}

#[test]
fn libreoffice_word_and_pdf_copies() {
    check("czj-lo-2023.docx", 200);
    check("shuyang-lo-2023.docx", 200);
    // The page's blank organisation cells print as nothing in the PDF: those rows stay open.
    check("shuyang-lo-2023.pdf", 178);
}
