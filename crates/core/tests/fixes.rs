//! Quick fixes on a corpus made from the five seeds: every "N件" in their prose is changed, one
//! at a time and all at once. Each change the validator notices must carry a fix, and applying
//! the fixes must bring back exactly the original text — nothing else moves.

use nianbao_core::model::PartKind;
use nianbao_core::{load_report, validate, FieldPath, Report};

fn fixture(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

fn text_fields() -> Vec<FieldPath> {
    let mut v = vec![FieldPath::Intro];
    v.extend(PartKind::ALL.map(FieldPath::Part));
    v.extend([FieldPath::Problems, FieldPath::Other]);
    v
}

/// Byte ranges of the digit runs directly before a "件" (blanks allowed between).
fn counts(text: &str) -> Vec<std::ops::Range<usize>> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = Vec::new();
    for (at, _) in text.match_indices('件') {
        let head = text[..at].trim_end_matches([' ', '\u{a0}', '\u{3000}']);
        let end = head.len();
        let start = head.trim_end_matches(is_digit).len();
        if start < end {
            out.push(start..end);
        }
    }
    out
}

/// The number changed the way a slip of the hand would: one more (full-width stays full-width).
fn bumped(digits: &str) -> String {
    let full = digits.chars().any(|c| ('０'..='９').contains(&c));
    let n: u64 = digits
        .chars()
        .map(|c| {
            if full {
                char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect::<String>()
        .parse()
        .expect("digits");
    let s = (n + 1).to_string();
    if full {
        s.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        s
    }
}

fn with_changed(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = text.to_string();
    for r in ranges.iter().rev() {
        let new = bumped(&text[r.clone()]);
        out.replace_range(r.clone(), &new);
    }
    out
}

fn mismatches(r: &Report) -> usize {
    validate(r, None)
        .iter()
        .filter(|d| matches!(d.code, "TEXT-TABLE-MISMATCH" | "TEXT-ACTIVE-MISMATCH"))
        .count()
}

#[test]
fn every_mismatch_in_the_seed_corpus_has_a_fix_that_restores_the_text_exactly() {
    let mut noticed = 0;
    let mut ignored = 0;
    for n in SEEDS {
        // Seed 001's half-width commas have safe fixes of their own (TEXT-ASCII-PUNCT): made
        // full-width first, so that every safe fix counted below is a mismatch's.
        let mut original = fixture(n);
        original.apply_safe_fixes(None);
        assert_eq!(mismatches(&original), 0, "seed {n} starts clean");
        for path in text_fields() {
            let Some(text) = original.text_at(path) else {
                continue;
            };
            let ranges = counts(&text);
            // One change at a time: noticed (with a fix that restores the text) or ignored.
            let mut caught = Vec::new();
            for r in &ranges {
                let mut changed = original.clone();
                changed
                    .apply_at(path, &with_changed(&text, std::slice::from_ref(r)))
                    .expect("edit");
                let diags = validate(&changed, None);
                let found: Vec<_> = diags
                    .iter()
                    .filter(|d| matches!(d.code, "TEXT-TABLE-MISMATCH" | "TEXT-ACTIVE-MISMATCH"))
                    .collect();
                if found.is_empty() {
                    ignored += 1;
                    continue;
                }
                noticed += 1;
                caught.push(r.clone());
                assert_eq!(found.len(), 1, "seed {n} {path}: one change, one finding");
                let fix = found[0].fix.as_ref().expect("a mismatch carries a fix");
                assert!(fix.safe, "the seed's tables agree with themselves");
                assert_eq!(fix.path, path);
                let mut fixed = changed.clone();
                fixed.apply_fix(fix).expect("fix applies");
                assert_eq!(fixed, original, "seed {n} {path}: the fix restores it all");
            }
            // All at once: applying every safe fix leaves only the changes nobody noticed.
            let mut changed = original.clone();
            changed
                .apply_at(path, &with_changed(&text, &ranges))
                .expect("edit");
            let applied = changed.apply_safe_fixes(None);
            assert_eq!(applied.len(), caught.len(), "seed {n} {path}");
            assert_eq!(mismatches(&changed), 0, "seed {n} {path}");
            let uncaught: Vec<_> = ranges
                .iter()
                .filter(|r| !caught.contains(r))
                .cloned()
                .collect();
            assert_eq!(
                changed.text_at(path).expect("text"),
                with_changed(&text, &uncaught),
                "seed {n} {path}: nothing but the noticed numbers changed back"
            );
            let mut rest = changed.clone();
            rest.apply_at(path, &text).expect("edit");
            assert_eq!(rest, original, "seed {n} {path}: no other field moved");
        }
    }
    // The seeds quote the tables in 001 (2, 1, 1, 31 件) and 003 (146, 2 件); the rest of their
    // "N件" are other counts (信件, 办件, 事项) the rule rightly leaves alone.
    assert_eq!(noticed, 6, "noticed");
    assert!(ignored > 0, "some counts are not table quotes");
}

#[test]
fn a_repeated_wrong_number_is_fixed_everywhere() {
    let mut r = fixture("003");
    let text = r
        .text_at(FieldPath::Part(PartKind::Requests))
        .expect("part");
    let changed = text.replace("146 件", "145 件");
    let twice = format!("{changed}全年受理政府信息公开申请 145 件。");
    r.apply_at(FieldPath::Part(PartKind::Requests), &twice)
        .expect("edit");
    assert_eq!(mismatches(&r), 1, "reported once per field");
    let applied = r.apply_safe_fixes(None);
    assert_eq!(applied.len(), 2);
    assert_eq!(
        r.text_at(FieldPath::Part(PartKind::Requests))
            .expect("part"),
        format!("{text}全年受理政府信息公开申请 146 件。")
    );
}

#[test]
fn totals_offer_their_sum_but_not_unattended() {
    let mut r = fixture("003");
    r.apply("requests.granted.total", "100").expect("edit");
    r.apply("review.reconsideration.total", "5").expect("edit");
    let diags = validate(&r, None);
    let fix_of = |code: &str| {
        diags
            .iter()
            .find(|d| d.code == code)
            .and_then(|d| d.fix.clone())
            .expect("fix")
    };
    let row = fix_of("T3-ROW-TOTAL");
    assert_eq!(
        (row.path.to_string(), row.label(), row.safe),
        (
            "requests.granted.total".to_string(),
            "改为 101".to_string(),
            false
        )
    );
    let review = fix_of("T4-TOTAL");
    assert_eq!(review.label(), "改为 4");
    let before = r.clone();
    assert!(
        r.apply_safe_fixes(None).is_empty(),
        "totals wait for a person"
    );
    assert_eq!(r, before);
    // As in the editor: one click, then the findings of the new state (the (七)总计 that was
    // 1 too many is right again once 予以公开's total is).
    r.apply_fix(&row).expect("fix");
    r.apply_fix(&review).expect("fix");
    assert!(validate(&r, None).is_empty(), "{:#?}", validate(&r, None));
}
