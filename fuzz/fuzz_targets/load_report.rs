//! Any bytes as a `.nianbao.json` file: the loader never panics, and a file it accepts saves
//! and loads back to the same report, which the validator checks without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_core::{load_report, save_report, validate};

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = load_report(data) {
        let again = load_report(&save_report(&report));
        assert!(
            again.as_ref() == Ok(&report),
            "a saved report loads back unchanged"
        );
        let _ = validate(&report, None);
    }
});
