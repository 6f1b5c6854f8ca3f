//! Any bytes as the main part (word/document.xml) of a Word file: reading the zip and the XML,
//! rebuilding tables from gridSpan/vMerge and placing the result never panic nor run away, an
//! accepted report validates, and its canonical text imports again.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use nianbao_import::{import_bytes, import_text, to_canonical_text};
use zip::write::SimpleFileOptions;

fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    if zip.start_file("word/document.xml", stored).is_err() || zip.write_all(data).is_err() {
        return;
    }
    let Ok(cursor) = zip.finish() else {
        return;
    };
    if let Ok(imported) = import_bytes(&cursor.into_inner(), Some("fuzz.docx")) {
        let _ = nianbao_core::validate(&imported.report, None);
        let _ = import_text(&to_canonical_text(&imported.report));
    }
});
