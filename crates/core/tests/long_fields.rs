//! A field pasted from a broken conversion can hold tens of thousands of findings in one endless
//! "sentence". Each finding must still point at its own characters and quote its own words, and
//! the rules must not read the whole field again for every finding (issue 13's fuzzing found a
//! web page whose garbage took seconds to check; the figures are in `benches/validate.rs`).

use nianbao_core::{load_report, validate, Diagnostic, Report};

fn seed_003_with_problems(text: &str) -> Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/003.nianbao.json"
    );
    let mut r = load_report(&std::fs::read(path).expect("fixture")).expect("loads");
    r.apply("problems", text).expect("edit");
    r
}

fn found(r: &Report, code: &str) -> Vec<Diagnostic> {
    validate(r, None)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// "qa", "qb", …: distinct two-or-more-letter words, none an acronym.
fn word(mut n: usize) -> String {
    let mut w = String::from("q");
    loop {
        w.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return w;
        }
    }
}

#[test]
fn every_english_word_of_a_long_field_is_found_where_it_stands() {
    let words: Vec<String> = (0..4000).map(word).collect();
    let text: String = words.iter().map(|w| format!("问题{w}改进")).collect();
    let d = found(&seed_003_with_problems(&text), "TEXT-ENGLISH");
    assert_eq!(d.len(), words.len());
    let chars: Vec<char> = text.chars().collect();
    for (d, w) in d.iter().zip(&words).skip(2).take(3990) {
        let (start, end) = d.span.expect("a place");
        assert_eq!(chars[start..end].iter().collect::<String>(), *w);
        assert!(d.message.contains(&format!("“{w}”：…")), "{}", d.message);
        assert!(
            d.message.contains(&format!("问题{w}改进问题")),
            "{}",
            d.message
        );
        assert!(d.message.ends_with('…'), "{}", d.message);
    }
    // The last word: its quote runs to the end of the field, with no "…" after it.
    let last = d.last().expect("findings");
    assert!(
        last.message.ends_with(&format!("问题{}改进", words[3999])),
        "{}",
        last.message
    );
}

#[test]
fn a_repeated_heading_deep_in_a_long_field_points_at_itself() {
    let filler = "甲".repeat(30_000);
    let text = format!("{filler}五、存在的主要问题及改进情况{filler}");
    let d = found(&seed_003_with_problems(&text), "TEXT-HEADING-REPEATED");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span, Some((30_000, 30_000 + 14)));
}

#[test]
fn a_share_after_an_endless_sentence_is_still_checked_in_its_own_sentence() {
    // 30,000 characters with no sentence break, then a sentence with a wrong share: the search
    // for the sentence gives up long before the start of the field, and still finds this one.
    let text = format!(
        "{}。其中予以公开 101 件，占 69.5%。",
        "，甲乙".repeat(10_000)
    );
    let d = found(&seed_003_with_problems(&text), "TEXT-SHARE-MISMATCH");
    assert_eq!(d.len(), 1, "{d:#?}");
    let at = text.chars().count() - "69.5%。".chars().count();
    assert_eq!(d[0].span, Some((at, at + 5)));
    let fix = d[0].fix.as_ref().expect("a fix");
    assert_eq!(
        (fix.start, fix.end, fix.found.as_str()),
        (at, at + 4, "69.5")
    );
}

#[test]
fn many_wrong_figures_in_one_endless_sentence_are_each_named_once() {
    // Thousands of "予以公开 N 件" with no sentence break: each wrong, distinct figure is said once.
    let text: String = (1000..3000).map(|n| format!("予以公开{n}件，")).collect();
    let d = found(&seed_003_with_problems(&text), "TEXT-TABLE-MISMATCH");
    assert_eq!(d.len(), 2000, "{:#?}", d.first());
    let chars: Vec<char> = text.chars().collect();
    for (d, n) in d.iter().zip(1000..) {
        let fix = d.fix.as_ref().expect("a fix");
        let at: String = chars[fix.start..fix.end].iter().collect();
        assert_eq!(at, n.to_string());
        assert_eq!(fix.replacement, "101");
    }
}
