//! Any bytes as a report's text file: decoding and importing never panic, the imported report
//! validates, and its canonical text imports again (the invariant of
//! crates/import/tests/fuzz.rs). Bytes the decoder refuses are still imported, lossily decoded,
//! so that `import_text` sees every string, NULs included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_import::{decode_text, import_text, to_canonical_text};

fuzz_target!(|data: &[u8]| {
    let text = decode_text(data).unwrap_or_else(|_| String::from_utf8_lossy(data));
    let imported = import_text(&text);
    let _ = nianbao_core::validate(&imported.report, None);
    let _ = import_text(&to_canonical_text(&imported.report));
});
