//! The file loader on mutated report files: never a panic, always a report or a Chinese error.

use nianbao_core::{load_report, save_report, CoreError};
use proptest::prelude::*;

fn fixture() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    std::fs::read(path).expect("fixture")
}

fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        &b"{"[..],
        b"}",
        b"[",
        b"]",
        b"\"",
        b",",
        b":",
        b"\\",
        b"\\u0000",
        b"null",
        b"-1",
        b"1e999",
        b"NaN",
        b"\"schema_version\": 9",
        "年".as_bytes(),
        b"\xff",
        b"\x00",
        b"  ",
    ]);
    (
        Just(fixture()),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, pieces), 1..8),
    )
        .prop_map(|(mut bytes, edits)| {
            for (at, kind, piece) in edits {
                let i = at.index(bytes.len().max(1));
                match kind {
                    0 => {
                        let end = (i + 1 + at.index(30)).min(bytes.len());
                        bytes.drain(i.min(end)..end);
                    }
                    _ => {
                        let i = i.min(bytes.len());
                        bytes.splice(i..i, piece.iter().copied());
                    }
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_load_or_fail_in_chinese(bytes in mutated()) {
        match load_report(&bytes) {
            // Whatever loads saves and loads again to the same report.
            Ok(r) => prop_assert_eq!(load_report(&save_report(&r)).ok(), Some(r)),
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", msg);
                prop_assert!(!matches!(e, CoreError::UnknownPath(_)));
            }
        }
    }
}
