//! A file with a written 说明 for a true 警告: `nianbao validate` prints the 说明 in place of the
//! fix and counts it apart; `--json` carries it on the finding and in the tally.

mod common;

use common::{nianbao, text};

#[test]
fn an_explained_warning_is_printed_with_its_reason() {
    let seed = format!(
        "{}/../../tests/fixtures/000.nianbao.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut r = nianbao_core::load_report(&std::fs::read(&seed).expect("seed")).expect("loads");
    r.explain(
        "FEE-NOT-REPORTED",
        nianbao_core::FieldPath::Other,
        "本机关不收取信息处理费，已在一（二）中说明",
    )
    .expect("a 警告 can be explained");
    let dir = std::env::temp_dir().join(format!("nianbao-explained-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("已说明.nianbao.json");
    std::fs::write(&file, nianbao_core::save_report(&r)).expect("write");
    let arg = file.to_string_lossy().into_owned();

    let o = nianbao(&["validate", &arg]);
    let out = text(&o);
    assert!(o.status.success(), "a 警告 is not an 错误: {out}");
    assert!(
        out.contains("→ 已说明：本机关不收取信息处理费，已在一（二）中说明"),
        "{out}"
    );
    assert!(
        out.contains("警告 3 项，提示 0 项（其中 1 项已说明）"),
        "{out}"
    );

    let o = nianbao(&["validate", "--json", &arg]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["tally"]["explained"], 1);
    let fee = v[0]["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["code"] == "FEE-NOT-REPORTED")
        .expect("still listed");
    assert_eq!(
        fee["explanation"],
        "本机关不收取信息处理费，已在一（二）中说明"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
