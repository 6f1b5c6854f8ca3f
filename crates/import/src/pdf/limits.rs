//! Bounds on the work one PDF may cause, so a hostile file ends in an error in bounded time
//! and memory. A real 年报 has under 30 pages, a few hundred KB of content and some 20,000
//! glyphs; every bound is far above that, and low enough that reaching it takes well under a
//! second (the fuzzer's -timeout is 5 s, under AddressSanitizer).

use crate::ImportError;

/// Larger files are scans or not reports; refused before parsing.
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;
pub const MAX_PAGES: usize = 300;
/// Any one decompressed stream (content, ToUnicode map, object stream). A report's page holds
/// some 10–50 KB of content.
pub const MAX_STREAM_BYTES: usize = 4 * 1024 * 1024;
/// All content streams of the document together.
pub const MAX_CONTENT_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_OPERATORS: usize = 1_000_000;
pub const MAX_GLYPHS: usize = 500_000;
/// Forms inside forms: Word nests one or two.
pub const MAX_FORM_DEPTH: usize = 8;

/// What is left of the bounds while one document is read.
#[derive(Debug, Default)]
pub struct Budget {
    content: usize,
    operators: usize,
    glyphs: usize,
}

impl Budget {
    pub fn content_bytes(&mut self, n: usize) -> Result<(), ImportError> {
        self.content = self.content.saturating_add(n);
        if self.content > MAX_CONTENT_BYTES {
            return Err(ImportError::PdfTooComplex);
        }
        Ok(())
    }

    pub fn operators(&mut self, n: usize) -> Result<(), ImportError> {
        self.operators = self.operators.saturating_add(n);
        if self.operators > MAX_OPERATORS {
            return Err(ImportError::PdfTooComplex);
        }
        Ok(())
    }

    pub fn glyph(&mut self) -> Result<(), ImportError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(ImportError::PdfTooComplex);
        }
        Ok(())
    }

    /// How many bytes the next stream may decompress to.
    pub fn stream_allowance(&self) -> usize {
        MAX_STREAM_BYTES.min(MAX_CONTENT_BYTES.saturating_sub(self.content))
    }
}
