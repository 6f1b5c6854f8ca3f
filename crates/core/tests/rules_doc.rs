//! docs/rules.md is generated from the catalogue; this fails when someone changes a rule and
//! forgets to regenerate it (`cargo run -p nianbao-cli -- rules --markdown > docs/rules.md`).

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    let on_disk = std::fs::read_to_string(path).expect("docs/rules.md exists");
    assert!(
        on_disk == nianbao_core::rules::catalogue_markdown(),
        "docs/rules.md is stale: run `cargo run -p nianbao-cli -- rules --markdown > docs/rules.md`"
    );
}
