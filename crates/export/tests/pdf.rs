//! The PDFs read back as a user's tools read them: pdftotext finds every heading, label and
//! number in reading order; pages match the golden images; hostile content still exports.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use nianbao_core::{load_report, Report};
use nianbao_export::tree::{build, Block};
use nianbao_export::{export_pdf, lay_out, FontSet};

const CREATED: i64 = 1_706_745_600; // 2024-02-01, fixed so the output is reproducible

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| FontSet::discover().expect("fonts installed by scripts/setup.sh"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(i: usize) -> Report {
    let p = repo().join(format!("tests/fixtures/00{i}.nianbao.json"));
    load_report(&std::fs::read(p).expect("fixture")).expect("loads")
}

fn pdftotext(pdf: &[u8], dir: &Path) -> String {
    let path = dir.join("out.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text as one string without blanks and without page numbers.
fn flat(text: &str) -> String {
    text.lines()
        .filter(|l| !(l.trim().starts_with('—') && l.trim().ends_with('—')))
        .map(squeeze)
        .collect()
}

/// Everything the document should show, in reading order: headings, paragraphs, table cells.
/// A merged label taller than a page is printed where most of it is, so it is only required
/// to be present, not in sequence.
fn expected(r: &Report) -> (Vec<String>, Vec<String>) {
    let doc = build(r);
    let mut seq = vec![squeeze(&doc.title)];
    let mut anywhere = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Heading1(t) | Block::Heading2(t) | Block::Paragraph(t) => seq.push(squeeze(t)),
            Block::Table(t) => {
                for c in &t.cells {
                    if c.rowspan > 8 {
                        anywhere.push(squeeze(&c.text));
                    } else if !c.text.is_empty() {
                        seq.push(squeeze(&c.text));
                    }
                }
            }
        }
    }
    (seq, anywhere)
}

#[test]
fn every_seed_reads_back_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..5 {
        let r = fixture(i);
        let out = export_pdf(&r, fonts(), CREATED).expect("export");
        assert!(out.warnings.is_empty(), "seed {i}: {:?}", out.warnings);
        let text = flat(&pdftotext(&out.bytes, dir.path()));
        let (seq, anywhere) = expected(&r);
        let mut at = 0;
        for want in &seq {
            match text[at..].find(want.as_str()) {
                Some(pos) => at += pos + want.len(),
                None => panic!("seed {i}: “{want}” not found after position {at}"),
            }
        }
        for want in anywhere {
            assert!(text.contains(&want), "seed {i}: “{want}” missing");
        }
    }
}

#[test]
fn fee_is_printed_with_four_decimals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export_pdf(&fixture(1), fonts(), CREATED).expect("export");
    let text = pdftotext(&out.bytes, dir.path());
    assert!(text.split_whitespace().any(|w| w == "805.5000"), "{text}");
    assert!(!text.contains("805.50\n") && !text.split_whitespace().any(|w| w == "805.50"));
}

#[test]
fn fonts_are_embedded_subsets_with_unicode_maps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export_pdf(&fixture(3), fonts(), CREATED).expect("export");
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, &out.bytes).expect("write");
    let o = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let listing = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "emb/sub/uni: {row}"
        );
    }
    assert!(
        out.bytes.len() < 400 * 1024,
        "subset PDF is small: {} bytes",
        out.bytes.len()
    );
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("孟州市人民政府"), "author and title: {info}");
    assert!(info.contains("pts (A4)"), "{info}");
}

/// Layout positions of seed 003, exactly: any change to the layout shows up here first.
#[test]
fn layout_of_seed_003_matches_golden() {
    let golden = repo().join("tests/golden/pdf/003.layout.txt");
    let dump = lay_out(&fixture(3), fonts()).expect("layout").dump();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().expect("dir")).expect("mkdir");
        std::fs::write(&golden, &dump).expect("write golden");
    }
    let want = std::fs::read_to_string(&golden).expect("golden exists (UPDATE_GOLDEN=1 to create)");
    assert!(
        dump == want,
        "layout drifted from tests/golden/pdf/003.layout.txt; look at the pages, then UPDATE_GOLDEN=1"
    );
}

fn gray_pages(pdf: &[u8], dir: &Path, prefix: &str) -> Vec<(u32, u32, Vec<u8>)> {
    let path = dir.join(format!("{prefix}.pdf"));
    std::fs::write(&path, pdf).expect("write");
    let status = Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-png"])
        .arg(&path)
        .arg(dir.join(prefix))
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{prefix}-")))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| decode(&std::fs::read(f).expect("png")))
        .collect()
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut d = png::Decoder::new(bytes);
    d.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = d.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let channels = info.color_type.samples();
    let gray: Vec<u8> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| p[0])
        .collect();
    (info.width, info.height, gray)
}

/// The rendered pages of seed 003 against the reviewed images in tests/golden/pdf: at most 0.5%
/// of pixels may differ by more than a quarter of the grey range (font hinting, rasteriser
/// versions), so that a moved line or table fails.
#[test]
fn pages_of_seed_003_match_golden_images() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export_pdf(&fixture(3), fonts(), CREATED).expect("export");
    let golden_dir = repo().join("tests/golden/pdf");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "rm -f {g}/003-page-*.png && cat > {t}/g.pdf && pdftoppm -r 40 -gray -png {t}/g.pdf {g}/003-page",
                g = golden_dir.display(),
                t = dir.path().display()
            ))
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().expect("stdin").write_all(&out.bytes)?;
                c.wait()
            })
            .expect("update golden");
        assert!(status.success());
    }
    let got = gray_pages(&out.bytes, dir.path(), "now");
    let mut want_files: Vec<PathBuf> = std::fs::read_dir(&golden_dir)
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    want_files.sort();
    assert_eq!(got.len(), want_files.len(), "page count changed");
    for (i, (g, f)) in got.iter().zip(&want_files).enumerate() {
        let w = decode(&std::fs::read(f).expect("golden png"));
        assert_eq!((g.0, g.1), (w.0, w.1), "page {} size", i + 1);
        let differing =
            g.2.iter()
                .zip(&w.2)
                .filter(|(a, b)| a.abs_diff(**b) > 64)
                .count();
        let share = differing as f64 / g.2.len() as f64;
        assert!(
            share <= 0.005,
            "page {}: {:.2}% of pixels differ",
            i + 1,
            share * 100.0
        );
    }
}

#[test]
fn hostile_content_still_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut r = Report::new(
        &format!(
            "{}<img src=x onerror=alert(1)>]]></w:t>局",
            "某某省某某市某某县某某乡镇人民政府办公室".repeat(3)
        ),
        nianbao_core::model::AgencyKind::Department,
        2025,
    );
    r.apply("overview.active", &"长段落文字，".repeat(3_400))
        .expect("edit");
    r.apply("problems", "生僻字𠀀与符号 <b>&amp; ]]></w:t> 都照原样。")
        .expect("edit");
    let out = export_pdf(&r, fonts(), CREATED).expect("export");
    assert!(
        out.pages > 20,
        "a 20,000-character paragraph runs over many pages"
    );
    assert_eq!(out.warnings.len(), 1);
    assert!(
        out.warnings[0].contains("𠀀") && out.warnings[0].contains("U+20000"),
        "{:?}",
        out.warnings
    );
    let path = dir.path().join("h.pdf");
    std::fs::write(&path, &out.bytes).expect("write");
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    assert!(info.status.success(), "valid PDF");
    let text = pdftotext(&out.bytes, dir.path());
    assert!(squeeze(&text).contains(
        "<img src=x onerror=alert(1)>]]></w:t>局"
            .replace(' ', "")
            .as_str()
    ));
    assert!(text.contains("<b>&amp; ]]></w:t>"));
}
