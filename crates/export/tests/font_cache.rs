//! The font cache as a user meets it: the PDF is the same with and without it; a font installed
//! or removed after the cache was written is noticed on the next run; a cut or garbled cache file
//! is rebuilt, never trusted. Font folders are temporary folders of links to the faces
//! `scripts/setup.sh` installs, so no test reads or writes the machine's own cache.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use nianbao_core::load_report;
use nianbao_export::font_cache::Stale;
use nianbao_export::{export_pdf, CacheUse, FontSearch, FontSet, Role};

const CREATED: i64 = 1_706_745_600; // 2024-02-01, fixed so the two PDFs can be compared

/// The files of the installed faces serving `role` (through a scan without cache).
fn installed(role: Role) -> PathBuf {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| FontSet::discover().expect("fonts installed by scripts/setup.sh"))
        .face(role)
        .path
        .clone()
        .expect("an installed face has a file")
}

fn link(target: &Path, dir: &Path) {
    let name = target.file_name().expect("a file name");
    std::os::unix::fs::symlink(target, dir.join(name)).expect("link the font");
}

fn search(fonts: &Path, cache: &Path) -> FontSearch {
    FontSearch {
        dirs: vec![fonts.to_path_buf()],
        cache: Some(cache.to_path_buf()),
    }
}

fn family(search: &FontSearch, role: Role, expect_cache: CacheUse) -> String {
    let loaded = FontSet::load(search);
    assert_eq!(loaded.cache, expect_cache);
    loaded.fonts.expect("faces").face(role).family.clone()
}

/// Blanks what differs between two exports of the same report by design: the random document
/// ID in the trailer (`/ID[(…)(…)]`). The creation date is fixed by the caller.
fn without_id(pdf: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    if let Some(at) = out.windows(4).rposition(|w| w == b"/ID[") {
        let end = out[at..]
            .iter()
            .position(|b| *b == b']')
            .map_or(out.len(), |e| at + e);
        out[at..end].iter_mut().for_each(|b| *b = b'0');
    }
    out
}

#[test]
fn the_pdf_is_the_same_with_and_without_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir(&fonts).expect("font folder");
    for role in Role::ALL {
        let file = installed(role);
        if !fonts.join(file.file_name().expect("name")).exists() {
            link(&file, &fonts);
        }
    }
    let cached = search(&fonts, &tmp.path().join("fonts.cache"));
    let first = FontSet::load(&cached);
    assert!(matches!(first.cache, CacheUse::Rebuilt { saved: true, .. }));
    let warm = FontSet::load(&cached);
    assert_eq!(warm.cache, CacheUse::Used);
    let warm = warm.fonts.expect("faces");
    let cold = FontSet::load(&cached.clone().without_cache());
    assert_eq!(cold.cache, CacheUse::Off);
    let cold = cold.fonts.expect("faces");
    assert_eq!(warm.describe(), cold.describe());
    assert!(warm.files().iter().all(|(_, f)| f.data.is_mapped()));

    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/003.nianbao.json");
    let report = load_report(&std::fs::read(seed).expect("seed")).expect("loads");
    let a = export_pdf(&report, &warm, CREATED).expect("export with the cache");
    let b = export_pdf(&report, &cold, CREATED).expect("export without it");
    assert_eq!(a.pages, b.pages);
    assert!(
        without_id(&a.bytes) == without_id(&b.bytes),
        "the PDFs differ beyond their document IDs"
    );
}

#[test]
fn a_font_installed_or_removed_later_is_noticed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir(&fonts).expect("font folder");
    let search = search(&fonts, &tmp.path().join("cache/fonts.cache"));
    link(&installed(Role::Body), &fonts);
    let serif = family(
        &search,
        Role::Heading2,
        CacheUse::Rebuilt {
            why: Stale::Missing,
            saved: true,
        },
    );
    assert_eq!(family(&search, Role::Heading2, CacheUse::Used), serif);

    // 楷体 installed into a new subfolder, as font installers do.
    let kai = installed(Role::Heading2);
    let sub = fonts.join("kai");
    std::fs::create_dir(&sub).expect("subfolder");
    link(&kai, &sub);
    let changed = CacheUse::Rebuilt {
        why: Stale::Changed,
        saved: true,
    };
    let with_kai = family(&search, Role::Heading2, changed);
    assert_ne!(with_kai, serif, "the new 楷体 face serves the 二级标题");
    assert_eq!(family(&search, Role::Heading2, CacheUse::Used), with_kai);

    // And removed again.
    std::fs::remove_file(sub.join(kai.file_name().expect("name"))).expect("remove");
    assert_eq!(family(&search, Role::Heading2, changed), serif);
    assert_eq!(family(&search, Role::Heading2, CacheUse::Used), serif);

    // A font folder that did not exist when the cache was written, created later.
    let late = tmp.path().join("late");
    let both = FontSearch {
        dirs: vec![fonts.clone(), late.clone()],
        ..search.clone()
    };
    family(&both, Role::Body, changed);
    family(&both, Role::Body, CacheUse::Used);
    std::fs::create_dir(&late).expect("late folder");
    link(&kai, &late);
    assert_eq!(family(&both, Role::Heading2, changed), with_kai);
}

#[test]
fn a_cut_or_garbled_cache_is_rebuilt() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir(&fonts).expect("font folder");
    link(&installed(Role::Body), &fonts);
    let cache = tmp.path().join("fonts.cache");
    let search = search(&fonts, &cache);
    let body = family(
        &search,
        Role::Body,
        CacheUse::Rebuilt {
            why: Stale::Missing,
            saved: true,
        },
    );
    let whole = std::fs::read(&cache).expect("cache written");
    let damaged = CacheUse::Rebuilt {
        why: Stale::Damaged,
        saved: true,
    };
    let mut wrong_face = String::from_utf8(whole.clone()).expect("text");
    wrong_face = wrong_face.replacen("face\t0\t", "face\t0\t9", 1);
    for bad in [
        whole[..whole.len() / 2].to_vec(),
        whole[..whole.len() - 1].to_vec(),
        b"\x00\xff garbage \x7f".to_vec(),
        Vec::new(),
        wrong_face.into_bytes(),
    ] {
        std::fs::write(&cache, &bad).expect("damage the cache");
        assert_eq!(family(&search, Role::Body, damaged), body);
        assert_eq!(std::fs::read(&cache).expect("rewritten"), whole);
        assert_eq!(family(&search, Role::Body, CacheUse::Used), body);
    }
}
