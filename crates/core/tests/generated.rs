//! "按表格生成" on the five seeds' tables: the paragraphs are pinned in committed text files
//! (tests/snapshots/generated-NNN.txt), read by eye when they change. `UPDATE_SNAPSHOTS=1 cargo
//! test -p nianbao-core --test generated` rewrites them. Then: a generated paragraph is checked
//! like a typed one — change the table and the mismatch, with its fix, appears.

use nianbao_core::{load_report, validate, Paragraph, Report};

fn fixture(n: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    load_report(&std::fs::read(&path).expect("fixture exists")).expect("fixture loads")
}

fn render(r: &Report) -> String {
    let mut s = format!("# {}\n", r.title());
    for p in Paragraph::ALL {
        let text = r
            .generated(p)
            .unwrap_or_else(|| format!("（{}尚未填写，不生成）", p.table()));
        s.push_str(&format!("\n[{}]\n{text}\n", p.key()));
    }
    s
}

#[test]
fn the_seeds_paragraphs_match_their_snapshots() {
    let mut stale = Vec::new();
    for n in ["000", "001", "002", "003", "004"] {
        let got = render(&fixture(n));
        let path = format!(
            "{}/tests/snapshots/generated-{n}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &got).expect("write snapshot");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            stale.push(format!("{path}:\n--- want\n{want}\n--- got\n{got}"));
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots differ (UPDATE_SNAPSHOTS=1 to accept after reading them):\n{}",
        stale.join("\n")
    );
}

#[test]
fn generated_paragraphs_agree_with_their_tables_on_every_seed() {
    for n in ["000", "001", "002", "003", "004"] {
        let mut r = fixture(n);
        let before = validate(&r, None);
        let mut text = String::new();
        for p in Paragraph::ALL {
            text.push_str(&r.generated(p).unwrap_or_default());
        }
        r.apply("other", &text).expect("edit");
        let after = validate(&r, None);
        let new: Vec<_> = after
            .iter()
            .filter(|d| d.code.starts_with("TEXT-"))
            .filter(|d| {
                !before
                    .iter()
                    .any(|b| b.code == d.code && b.paths == d.paths)
            })
            .collect();
        assert!(new.is_empty(), "seed {n}: {new:#?}");
    }
}

#[test]
fn a_table_changed_after_generating_raises_the_mismatch_and_its_fix() {
    let mut r = fixture("003");
    let paragraph = r
        .generated(Paragraph::Requests)
        .expect("table 三 is filled");
    let part = r.overview.requests.as_ref().expect("part").text.clone();
    r.apply("overview.requests", &format!("{part}\n{paragraph}"))
        .expect("edit");
    assert!(validate(&r, None).is_empty());

    r.apply("requests.new_received.natural_person", "92")
        .expect("edit");
    let d = validate(&r, None);
    let mismatches: Vec<_> = d
        .iter()
        .filter(|d| d.code == "TEXT-TABLE-MISMATCH")
        .collect();
    // The seed's own "146 件" and the generated one: both now disagree with 147.
    assert_eq!(mismatches.len(), 1, "one per field and figure: {d:#?}");
    let fix = mismatches[0].fix.as_ref().expect("fix");
    assert_eq!(fix.label(), "改为 147");
    let mut fixed = r.clone();
    assert_eq!(fixed.apply_safe_fixes(None).len(), 2);
    assert_eq!(
        fixed.overview.requests.as_ref().expect("part").text,
        format!("{part}\n{paragraph}").replace("146", "147")
    );
    assert!(validate(&fixed, None)
        .iter()
        .all(|d| d.code != "TEXT-TABLE-MISMATCH"));
    // Generated again from the changed table, the paragraph says 147 by itself.
    assert!(fixed
        .generated(Paragraph::Requests)
        .expect("filled")
        .contains("共收到政府信息公开申请147件"));
}

#[test]
fn the_review_and_documents_paragraphs_are_checked_too() {
    let mut r = fixture("003");
    let text = [Paragraph::Review, Paragraph::Documents]
        .map(|p| r.generated(p).expect("filled"))
        .join("\n");
    r.apply("other", &format!("{}\n{text}", r.other))
        .expect("edit");
    assert!(validate(&r, None).is_empty());
    r.apply("review.reconsideration.upheld", "3").expect("edit");
    r.apply("active.normative_documents.in_force", "78")
        .expect("edit");
    let labels: Vec<String> = validate(&r, None)
        .iter()
        .filter(|d| matches!(d.code, "TEXT-TABLE-MISMATCH" | "TEXT-ACTIVE-MISMATCH"))
        .filter_map(|d| d.fix.as_ref().map(|f| f.label()))
        .collect();
    assert_eq!(labels, ["改为 5", "改为 78"]);
}
