//! Mutated seed text: the importer never panics, never hangs, and keeps time per input bounded.
//! CI runs a few thousand cases; `FUZZ_CASES=3000000 cargo test --release -p nianbao-import
//! --test fuzz -- --ignored` runs the long campaign.

use std::time::{Duration, Instant};

use nianbao_import::{import_text, to_canonical_text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seeds");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    v.sort();
    v
}

/// A seed with a handful of edits: characters deleted, inserted (tabs, digits, CJK, brackets,
/// heading words), lines duplicated or swapped.
fn mutated(seeds: Vec<String>) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\t",
        "\n",
        " ",
        "\u{a0}",
        "\u{3000}",
        "0",
        "9",
        "１２",
        "-",
        ".",
        ",",
        "（",
        "）",
        "(",
        ")",
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        "（七）总计",
        "1.",
        "件",
        "、",
        "：",
        "予以公开",
        "𠀀",
        "\r",
    ]);
    (
        prop::sample::select(seeds),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, pieces), 1..12),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<char> = seed.chars().collect();
            for (at, kind, piece) in edits {
                if chars.is_empty() {
                    break;
                }
                let i = at.index(chars.len());
                match kind {
                    0 => {
                        let end = (i + 1 + at.index(40)).min(chars.len());
                        chars.drain(i..end);
                    }
                    1 | 2 => {
                        let ins: Vec<char> = piece.chars().collect();
                        chars.splice(i..i, ins);
                    }
                    _ => {
                        let end = (i + at.index(200)).min(chars.len());
                        let copy: Vec<char> = chars[i..end].to_vec();
                        chars.splice(i..i, copy);
                    }
                }
            }
            chars.into_iter().collect()
        })
}

fn run(cases: u32) -> Duration {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let mut slowest = Duration::ZERO;
    let slowest_ref = std::cell::Cell::new(Duration::ZERO);
    runner
        .run(&mutated(seeds()), |text| {
            let t = Instant::now();
            let imported = import_text(&text);
            // The canonical form of whatever was imported imports again without panicking.
            let _ = import_text(&to_canonical_text(&imported.report));
            let took = t.elapsed();
            if took > slowest_ref.get() {
                slowest_ref.set(took);
            }
            prop_assert!(took < Duration::from_secs(1), "took {took:?}");
            Ok(())
        })
        .expect("no panic, no slow input");
    slowest = slowest.max(slowest_ref.get());
    slowest
}

#[test]
fn mutated_seeds_import_without_panic() {
    let slowest = run(2_000);
    eprintln!("2000 mutated inputs, slowest {slowest:?}");
}

#[test]
#[ignore = "long campaign; run by hand with FUZZ_CASES"]
fn long_fuzz_campaign() {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1_000_000);
    let start = Instant::now();
    let slowest = run(cases);
    eprintln!(
        "{cases} mutated inputs in {:?}, slowest {slowest:?}",
        start.elapsed()
    );
}

/// Every input of the fuzz corpus, crashes the fuzzer once found among them, imports without a
/// panic.
#[test]
fn the_fuzz_corpus_imports_without_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/seeds/import_text");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/seeds/import_text") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("seed");
        let text = String::from_utf8_lossy(&bytes);
        let _ = nianbao_import::import_text(&text);
        n += 1;
    }
    assert!(n >= 9, "{n} inputs");
}
