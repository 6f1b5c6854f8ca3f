//! The bytes of one font file. Files on disk are memory-mapped, not read: a CJK collection is
//! 20–30 MB, and an export touches only its tables and the glyphs the report uses, so mapping
//! costs those pages instead of a copy of the whole file.

use std::fs::File;
use std::io;
use std::ops::Deref;
use std::path::Path;

use memmap2::Mmap;

/// A font file's bytes, mapped from disk or owned.
pub struct FontBytes(Repr);

enum Repr {
    Owned(Vec<u8>),
    Mapped(Mmap),
}

impl FontBytes {
    /// Maps the file at `path` read-only.
    pub fn map(path: &Path) -> io::Result<FontBytes> {
        let file = File::open(path)?;
        Ok(FontBytes(Repr::Mapped(map_read_only(&file)?)))
    }

    /// Whether these bytes are a mapping of a file (for tests and `nianbao fonts`).
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped(_))
    }
}

impl From<Vec<u8>> for FontBytes {
    fn from(bytes: Vec<u8>) -> FontBytes {
        FontBytes(Repr::Owned(bytes))
    }
}

impl Deref for FontBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            Repr::Owned(v) => v,
            Repr::Mapped(m) => m,
        }
    }
}

/// The one place in the workspace that needs `unsafe`: mapping a file is unsafe because another
/// process could change the file under the mapping. Font files are installed and removed by
/// package managers and font tools, which write a new file and rename it over the old one (the
/// mapping keeps the old inode), so a font truncated in place while an export runs is the only
/// risk left, and it is the same one every program that maps fonts (fontdb, fontconfig, browsers)
/// accepts. The mapping is read-only and private to this process.
#[allow(unsafe_code)]
fn map_read_only(file: &File) -> io::Result<Mmap> {
    // SAFETY: see above; the mapping is only ever read through `&[u8]`.
    unsafe { Mmap::map(file) }
}

#[cfg(test)]
mod tests {
    use super::FontBytes;

    #[test]
    fn mapped_bytes_are_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.ttf");
        std::fs::write(&path, b"not really a font").expect("write");
        let bytes = FontBytes::map(&path).expect("map");
        assert!(bytes.is_mapped());
        assert_eq!(&bytes[..], b"not really a font");
        assert!(!FontBytes::from(b"x".to_vec()).is_mapped());
    }
}
