//! `nianbao validate --wordlist FILE`: the 政府办's "错词 → 正词" list, its entries found in the
//! text as TEXT-WORDLIST, and a broken list refused with the line it breaks on.

mod common;

use common::{nianbao, text};

fn seed(n: &str) -> String {
    format!(
        "{}/../../tests/fixtures/{n}.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn entries_of_the_list_are_found_in_the_text() {
    let dir = std::env::temp_dir().join(format!("nianbao-wordlist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let list = dir.join("词表.txt");
    // Seed 003's 一（三） writes "三审三校"; a list that calls it wrong finds it.
    std::fs::write(&list, "# 测试词表\n三审三校 → 三审三核\n").expect("write");
    let list_arg = list.to_string_lossy().into_owned();
    let o = nianbao(&["validate", &seed("003"), "--wordlist", &list_arg]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("TEXT-WORDLIST") && out.contains("请改为“三审三核”"),
        "{out}"
    );
    // Without the list, seed 003 is clean.
    assert!(!text(&nianbao(&["validate", &seed("003")])).contains("TEXT-WORDLIST"));

    std::fs::write(&list, "三审三校\n").expect("write");
    let o = nianbao(&["validate", &seed("003"), "--wordlist", &list_arg]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("第 1 行“三审三校”不是“错词 → 正词”的格式"),
        "{}",
        text(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_local_length_limit_is_checked_only_when_asked_for() {
    let plain = text(&nianbao(&["validate", &seed("003")]));
    assert!(!plain.contains("OVERVIEW-LENGTH"), "{plain}");
    let o = nianbao(&["validate", &seed("003"), "--overview-max", "100"]);
    let out = text(&o);
    assert!(o.status.success(), "a 警告, not an 错误: {out}");
    assert!(
        out.contains("OVERVIEW-LENGTH") && out.contains("超过本地要求的 100 字"),
        "{out}"
    );
    let roomy = text(&nianbao(&[
        "validate",
        &seed("003"),
        "--overview-max",
        "100000",
    ]));
    assert!(!roomy.contains("OVERVIEW-LENGTH"), "{roomy}");
}
