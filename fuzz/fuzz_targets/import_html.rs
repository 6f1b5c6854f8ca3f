//! Any bytes as a saved web page: charset detection, the HTML5 parser, the article search and
//! rowspan/colspan grids never panic nor run away, an accepted report validates, and its
//! canonical text imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao_import::{html, import_text, to_canonical_text};

fuzz_target!(|data: &[u8]| {
    // Straight to the HTML front end: the sniffer would send most mutations to the text path.
    if let Ok(blocks) = html::blocks(data) {
        let (text, _) = nianbao_import::blocks::to_text(&blocks);
        let imported = import_text(&text);
        let _ = nianbao_core::validate(&imported.report, None);
        let _ = import_text(&to_canonical_text(&imported.report));
    }
});
