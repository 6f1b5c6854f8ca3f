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
    // The prose rules at work: seed 003 with the generated paragraphs, a share and a list in
    // its text (every rule of issue 14 has something to read); baseline: the seed as it is.
    let mut prose = report.clone();
    let mut text = prose.overview.requests.clone().unwrap_or_default().text;
    for p in nianbao_core::Paragraph::ALL {
        text.push_str(&prose.generated(p).unwrap_or_default());
    }
    text.push_str("其中予以公开 101 件，占 69.2%。主要做法：一是甲，二是乙，三是丙。");
    prose.apply("overview.requests", &text).expect("edit");
    c.bench_function(
        "validate seed 003 with generated prose, shares and lists",
        |b| b.iter(|| validate(black_box(&prose), None)),
    );
    c.bench_function("generate the three paragraphs of seed 003", |b| {
        b.iter(|| nianbao_core::Paragraph::ALL.map(|p| black_box(&report).generated(p)))
    });
    // Seed 003 as its own next year with 2023's tables attached: every year-to-year comparison
    // runs (cells, totals, fee, year-comparing text); the same report without them is the baseline.
    let mut next = report.clone();
    next.apply("meta.year", "2024").expect("year");
    next.apply(
        "overview.intro",
        "全年共受理政府信息公开申请 146 件，与上年持平，同比增长 0%。",
    )
    .expect("intro");
    let mut without = next.clone();
    without.last_year = None;
    next.attach_last_year(&report).expect("attach");
    c.bench_function("validate seed 003 as 2024, no last year (baseline)", |b| {
        b.iter(|| validate(black_box(&without), None))
    });
    c.bench_function("validate seed 003 as 2024, last year attached", |b| {
        b.iter(|| validate(black_box(&next), None))
    });
    // TEXT-REPEATS-LAST-YEAR at work: 2023's whole report given (the command line's
    // --last-year), so every sentence of both years is fingerprinted and looked up on every call
    // (the copied text fires the warning); baseline: the tables alone, just above.
    c.bench_function("validate seed 003 as 2024, 2023's report given", |b| {
        b.iter(|| validate(black_box(&next), Some(&report)))
    });
    c.bench_function("repetition of seed 003 as 2024 against 2023", |b| {
        b.iter(|| nianbao_core::rules::repeats::repetition(black_box(&next), &report))
    });
    // A field of findings, as garbage pasted from a broken conversion makes: 20,000 distinct
    // English words, 4,000 wrong "予以公开 N 件" and 4,000 shares in one endless sentence
    // (about 490 KB); baseline: the seed as it is (above). Each finding must cost its
    // neighbourhood, not the field.
    let mut garbage = report.clone();
    let mut text = String::new();
    for n in 0..20_000u32 {
        // A distinct word of letters only: n in base 26.
        let word: String = std::iter::successors(Some(n), |m| (*m >= 26).then_some(m / 26))
            .map(|m| char::from(b'a' + (m % 26) as u8))
            .collect();
        text.push_str(&format!("问题q{word}改进"));
        if n % 5 == 0 {
            text.push_str(&format!("，予以公开{}件，占{}.5%", 1000 + n, n % 90));
        }
    }
    garbage.apply("problems", &text).expect("edit");
    c.bench_function("validate seed 003 with a 490 KB field of findings", |b| {
        b.iter(|| validate(black_box(&garbage), None))
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
