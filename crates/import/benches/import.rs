use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nianbao_import::import_text;

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
