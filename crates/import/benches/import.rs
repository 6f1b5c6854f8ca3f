use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nianbao_import::{import_bytes, import_text};

fn bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    seeds.sort();
    let mut g = c.benchmark_group("import");
    g.throughput(Throughput::Elements(seeds.len() as u64));
    g.bench_function("five seeds", |b| {
        b.iter(|| {
            for s in &seeds {
                black_box(import_text(black_box(s)));
            }
        })
    });
    // Baseline in the same run: just splitting the same texts into lines and tab cells.
    g.bench_function("baseline: split lines and tabs", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &seeds {
                for l in s.lines() {
                    n += l.split('\t').count();
                }
            }
            black_box(n)
        })
    });
    g.finish();

    // Seed 003 in each form against its own text import in the same run (the baseline: the
    // placement every form ends in). Targets: DOCX ≤ 10 ms, an HTML page ≤ 10 ms.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    let report =
        nianbao_core::load_report(&std::fs::read(fixture).expect("fixture")).expect("loads");
    let text = nianbao_import::to_canonical_text(&report);
    let docx = nianbao_export::export_docx(&report, 0).expect("docx");
    let html = nianbao_export::export_html(&report);
    let lo_html = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/import/libreoffice/seed-003.html"
    ))
    .expect("LibreOffice page");
    let mut g = c.benchmark_group("forms, seed 003");
    g.bench_function("baseline: text", |b| {
        b.iter(|| black_box(import_bytes(black_box(text.as_bytes()), None)))
    });
    g.bench_function("docx (our export)", |b| {
        b.iter(|| black_box(import_bytes(black_box(&docx), None)))
    });
    g.bench_function("html (our export)", |b| {
        b.iter(|| black_box(import_bytes(black_box(html.as_bytes()), None)))
    });
    g.bench_function("html (LibreOffice, 90 KB)", |b| {
        b.iter(|| black_box(import_bytes(black_box(&lo_html), None)))
    });
    // The harder text forms against the same text import: the whole report on one line (its
    // lines found again), every table row's numbers run together (split by the totals), and
    // pdftotext's layout of our PDF (wrapped labels put back together).
    let one_line = text.replace(['\n', '\t'], " ");
    let runs: String = text
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let numeric = |c: &&str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
            match cells.iter().position(numeric) {
                Some(i) if cells[i..].iter().all(numeric) && cells.len() - i > 1 => {
                    format!("{}\t{}", cells[..i].join("\t"), cells[i..].concat())
                }
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let layout = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/import/pdftotext/nianbao-003.txt"
    ))
    .expect("pdftotext layout");
    g.bench_function("text on one line", |b| {
        b.iter(|| black_box(import_bytes(black_box(one_line.as_bytes()), None)))
    });
    g.bench_function("text with digit runs", |b| {
        b.iter(|| black_box(import_bytes(black_box(runs.as_bytes()), None)))
    });
    g.bench_function("pdftotext -layout", |b| {
        b.iter(|| black_box(import_bytes(black_box(&layout), None)))
    });
    g.finish();

    // The real published reports (tests/import/real), each form apart, against the seed's plain
    // text above: the crawler's one-line texts, Markdown, a saved web page and a WPS PDF.
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/import/real");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(real)
        .expect("tests/import/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                std::fs::read(&p).expect("real report"),
            )
        })
        .collect();
    files.sort();
    let mut g = c.benchmark_group("real reports");
    for (name, bytes) in &files {
        g.bench_function(name.as_str(), |b| {
            b.iter(|| black_box(import_bytes(black_box(bytes), Some(name))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
