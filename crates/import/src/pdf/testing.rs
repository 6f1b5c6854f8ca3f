//! Small hand-made PDFs for the tests: pages from content streams written by hand, with two
//! fonts — /F1 a simple font (WinAnsi, every glyph 500 units wide) and /F2 a composite
//! Identity-H font whose two-byte codes are the UTF-16 units themselves (ToUnicode says so),
//! every glyph 1000 units wide; /F3 the same without ToUnicode; and /Im1 a one-pixel image.

use lopdf::{dictionary, Document, Object, Stream};

/// A content-stream string for /F2: "<4E00...>" for the text's UTF-16 units.
pub fn cid(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<{hex}>")
}

pub struct Builder {
    doc: Document,
    pages: Vec<Object>,
    pages_id: lopdf::ObjectId,
    resources: lopdf::ObjectId,
}

impl Builder {
    pub fn new() -> Builder {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let simple = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding", "FirstChar" => 32,
            "Widths" => (32..127).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
        });
        // A bfrange may vary only in its last byte: one range per high byte.
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n\
             /CMapName /Test-UTF16 def\n/CMapType 2 def\n\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        for block in (0..256u32).collect::<Vec<_>>().chunks(100) {
            cmap.push_str(&format!("{} beginbfrange\n", block.len()));
            for hi in block {
                cmap.push_str(&format!("<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>\n"));
            }
            cmap.push_str("endbfrange\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        let cmap = cmap.into_bytes();
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap));
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
            "DW" => 1000,
        });
        let composite = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
            "ToUnicode" => to_unicode,
        });
        let descendant_only = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "NoMap", "DW" => 1000,
        });
        // Glyph ids without a ToUnicode map: nothing says which characters they are.
        let unmapped = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "NoMap",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant_only.into()],
        });
        let image = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
            vec![0],
        ));
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => simple, "F2" => composite, "F3" => unmapped },
            "XObject" => dictionary! { "Im1" => image },
        });
        Builder {
            doc,
            pages: Vec::new(),
            pages_id,
            resources,
        }
    }

    /// Adds an A4 page drawing `content`.
    pub fn page(mut self, content: &str) -> Builder {
        let stream = self
            .doc
            .add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page = self.doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => self.pages_id, "Contents" => stream,
            "Resources" => self.resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        self.pages.push(page.into());
        self
    }

    pub fn document(mut self) -> Document {
        let count = self.pages.len() as i64;
        self.doc.objects.insert(
            self.pages_id,
            dictionary! { "Type" => "Pages", "Kids" => self.pages, "Count" => count }.into(),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
        self.doc
    }

    pub fn bytes(self) -> Vec<u8> {
        save(self.document())
    }
}

pub fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("an in-memory PDF saves");
    out
}

/// A line of Chinese text at (x, y) in /F2 at `size` points.
pub fn text(x: f64, y: f64, size: f64, s: &str) -> String {
    format!("BT /F2 {size} Tf {x} {y} Td {} Tj ET\n", cid(s))
}

/// A stroked rectangle.
pub fn rect(x: f64, y: f64, w: f64, h: f64) -> String {
    format!("{x} {y} {w} {h} re S\n")
}
