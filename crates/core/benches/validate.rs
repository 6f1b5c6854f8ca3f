use criterion::{black_box, criterion_group, criterion_main, Criterion};
use nianbao_core::{load_report, validate};

fn bench(c: &mut Criterion) {
    let bytes = include_bytes!("../../../tests/fixtures/003.nianbao.json");
    let report = load_report(bytes).expect("fixture 003 loads");
    let last = load_report(include_bytes!("../../../tests/fixtures/001.nianbao.json"))
        .expect("fixture 001 loads");
    c.bench_function("validate seed 003", |b| {
        b.iter(|| validate(black_box(&report), None))
    });
    c.bench_function("validate seed 003 with last year", |b| {
        b.iter(|| validate(black_box(&report), Some(&last)))
    });
    let mut edited = report.clone();
    c.bench_function("apply one edit + validate", |b| {
        b.iter(|| {
            edited
                .apply("requests.new_received.natural_person", black_box("92"))
                .expect("edit");
            validate(&edited, None)
        })
    });
    c.bench_function("load seed 003 file", |b| {
        b.iter(|| load_report(black_box(bytes)).expect("load"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
