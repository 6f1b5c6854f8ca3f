use criterion::{criterion_group, criterion_main, Criterion};
use nianbao_core::load_report;
use nianbao_export::{export_docx, export_html, export_pdf, FontSet};

fn bench(c: &mut Criterion) {
    let bytes = include_bytes!("../../../tests/fixtures/003.nianbao.json");
    let report = load_report(bytes).expect("fixture");
    let fonts = FontSet::discover().expect("fonts");
    let mut g = c.benchmark_group("export");
    g.sample_size(20);
    g.bench_function("pdf seed 003 (fonts loaded once)", |b| {
        b.iter(|| export_pdf(&report, &fonts, 0).expect("pdf"))
    });
    g.bench_function("docx seed 003", |b| {
        b.iter(|| export_docx(&report, 0).expect("docx"))
    });
    g.bench_function("html seed 003", |b| b.iter(|| export_html(&report)));
    g.bench_function("font discovery and loading", |b| {
        b.iter(|| FontSet::discover().expect("fonts"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
