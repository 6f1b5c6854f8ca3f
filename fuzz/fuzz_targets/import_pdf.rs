//! Any bytes as a PDF: reading the text layer never panics and stays within its bounds (the
//! -rss_limit_mb and -timeout of scripts/fuzz.sh), an error is a Chinese sentence, and an
//! imported report validates and its canonical text imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_import::{import_pdf, import_text, to_canonical_text};

fuzz_target!(|data: &[u8]| {
    match import_pdf(data) {
        Ok(imported) => {
            let _ = nianbao_core::validate(&imported.report, None);
            let _ = import_text(&to_canonical_text(&imported.report));
        }
        Err(e) => assert!(e.to_string().contains('。'), "{e}"),
    }
});
