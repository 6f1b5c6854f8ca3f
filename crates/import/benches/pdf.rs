//! PDF import of seed 003 (our export: 6 pages; LibreOffice's PDF of our Word file: 6 pages;
//! LibreOffice's PDF of our web page, tables without rules: 5 pages),
//! against the text import of the same seed in the same run. Goal: a 6-page PDF in ≤ 50 ms.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use nianbao_core::load_report;
use nianbao_export::{export_pdf, FontSet};
use nianbao_import::{import_pdf, import_text};

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn bench(c: &mut Criterion) {
    let report =
        load_report(&std::fs::read(repo("tests/fixtures/003.nianbao.json")).expect("fixture"))
            .expect("loads");
    let fonts = FontSet::discover().expect("fonts installed by scripts/setup.sh");
    let ours = export_pdf(&report, &fonts, 1_706_745_600).expect("exports");
    assert_eq!(ours.pages, 6, "the bench is about a 6-page PDF");
    let libreoffice = std::fs::read(repo("tests/import/pdf/libreoffice-003.pdf")).expect("PDF");
    // Tables without rules, rebuilt from column edges (5 pages).
    let borderless = std::fs::read(repo("tests/import/pdf/borderless-003.pdf")).expect("PDF");
    let text = std::fs::read_to_string(repo("tests/seeds/003_57935d37ad0b2f69.txt")).expect("seed");

    let mut g = c.benchmark_group("pdf import, seed 003");
    g.bench_function("our PDF (6 pages)", |b| {
        b.iter(|| black_box(import_pdf(black_box(&ours.bytes))))
    });
    g.bench_function("LibreOffice PDF (6 pages)", |b| {
        b.iter(|| black_box(import_pdf(black_box(&libreoffice))))
    });
    g.bench_function("LibreOffice PDF without table rules (5 pages)", |b| {
        b.iter(|| black_box(import_pdf(black_box(&borderless))))
    });
    // Baseline in the same run: placing the same report from its text.
    g.bench_function("baseline: text import", |b| {
        b.iter(|| black_box(import_text(black_box(&text))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
