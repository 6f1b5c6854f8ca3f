//! Every file in tests/hostile: exit code 2, its exact Chinese error, and not a byte changed.

use std::path::Path;

mod common;
use common::{nianbao, text};

#[test]
fn hostile_files_are_refused_with_their_exact_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let mut n = 0;
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let (name, message) = line.split_once('\t').expect("name<TAB>message");
        let path = dir.join(name);
        let before = std::fs::read(&path).expect(name);
        let o = nianbao(&["validate", path.to_str().expect("path")]);
        let out = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {out}");
        assert!(
            out.contains(&format!("无法打开：{message}")),
            "{name}: got {out}"
        );
        assert!(!out.contains("panicked"), "{name}");
        assert_eq!(
            std::fs::read(&path).expect(name),
            before,
            "{name} must be unchanged"
        );
        n += 1;
    }
    assert!(n >= 20, "the corpus has at least 20 files, found {n}");
}
