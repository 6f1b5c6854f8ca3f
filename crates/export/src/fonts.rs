//! Finding and loading the faces of an official document: the official ones when the machine has
//! them (仿宋_GB2312, 黑体, 楷体, 方正小标宋), else the open faces the project installs. Finding
//! goes through the font cache ([`crate::font_cache`]) unless told not to; the files of the faces
//! found are mapped ([`FontBytes`]), and each face is parsed for the PDF only when first drawn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use fontdb::{Database, Family, Query, Source, Weight};

use crate::error::ExportError;
use crate::font_bytes::FontBytes;
use crate::font_cache::{self, Stale};
use crate::font_dirs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 小标宋-style title face.
    Title,
    /// 仿宋-style body face (also used in tables).
    Body,
    /// 黑体 for 一、 headings.
    Heading1,
    /// 楷体 for （一） headings.
    Heading2,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Title, Role::Body, Role::Heading1, Role::Heading2];

    pub fn label(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Body => "正文和表格",
            Role::Heading1 => "一级标题",
            Role::Heading2 => "二级标题",
        }
    }

    /// Families in order of preference: official faces first, open stand-ins last.
    fn families(self) -> &'static [&'static str] {
        match self {
            Role::Title => &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "方正小标宋_GBK",
                "华文中宋",
                "STZhongsong",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "思源宋体",
            ],
            Role::Body => &[
                "仿宋_GB2312",
                "FangSong_GB2312",
                "仿宋",
                "FangSong",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "思源宋体",
            ],
            Role::Heading1 => &[
                "黑体",
                "SimHei",
                "Noto Sans CJK SC",
                "Source Han Sans SC",
                "思源黑体",
                "WenQuanYi Zen Hei",
            ],
            Role::Heading2 => &[
                "楷体_GB2312",
                "KaiTi_GB2312",
                "楷体",
                "KaiTi",
                "LXGW WenKai",
                "AR PL KaitiM GB",
                "Noto Serif CJK SC",
            ],
        }
    }

    /// Whether any role may use a face of this family: the faces the cache keeps.
    fn is_candidate(family: &str) -> bool {
        Role::ALL.iter().any(|r| r.families().contains(&family))
    }

    fn weight(self) -> Weight {
        match self {
            // The open stand-in for 小标宋 is the bold serif; real 小标宋 has one weight only,
            // which the query still finds.
            Role::Title => Weight::BOLD,
            _ => Weight::NORMAL,
        }
    }
}

/// One loaded face: the bytes of its file (shared when faces come from one collection) and its
/// index in that file.
#[derive(Clone)]
pub struct Face {
    pub family: String,
    pub data: Arc<FontBytes>,
    pub index: u32,
    /// The file the face is in, when it came from one.
    pub path: Option<PathBuf>,
    /// printpdf's parse of the face, made on first use and kept: parsing a 20 MB collection
    /// costs more than laying out and writing the whole report.
    parsed: Arc<OnceLock<Option<printpdf::ParsedFont>>>,
}

impl Face {
    pub fn new(family: String, data: Arc<FontBytes>, index: u32) -> Face {
        Face {
            family,
            data,
            index,
            path: None,
            parsed: Arc::new(OnceLock::new()),
        }
    }

    pub fn pdf_font(&self) -> Option<&printpdf::ParsedFont> {
        self.parsed
            .get_or_init(|| {
                let mut warnings = Vec::new();
                printpdf::ParsedFont::from_bytes(&self.data, self.index as usize, &mut warnings)
            })
            .as_ref()
    }
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Face({} #{})", self.family, self.index)
    }
}

/// The four faces of a document.
#[derive(Clone, Debug)]
pub struct FontSet {
    faces: HashMap<Role, Face>,
}

impl FontSet {
    pub fn face(&self, role: Role) -> &Face {
        // Every role is filled by `discover`/`from_faces`; Body is the fallback of last resort.
        self.faces
            .get(&role)
            .or_else(|| self.faces.get(&Role::Body))
            .or_else(|| self.faces.values().next())
            .expect("a FontSet always holds at least one face")
    }

    /// Which face serves which role, for the export's report to the user.
    pub fn describe(&self) -> Vec<(Role, String)> {
        Role::ALL
            .into_iter()
            .map(|r| (r, self.face(r).family.clone()))
            .collect()
    }

    /// Builds a set from faces already loaded (for tests, or a caller with its own fonts).
    pub fn from_faces(faces: Vec<(Role, Face)>) -> Result<FontSet, ExportError> {
        if faces.is_empty() {
            return Err(ExportError::NoFonts);
        }
        Ok(FontSet {
            faces: faces.into_iter().collect(),
        })
    }

    /// Looks for the faces on this machine by scanning every system font folder, without the
    /// cache (tests and benchmarks that want the scan itself; the programs use [`FontSet::load`]).
    pub fn discover() -> Result<FontSet, ExportError> {
        Self::load(&FontSearch::system().without_cache()).fonts
    }

    /// Finds the faces in `search`'s folders, through its cache when it has one: a valid cache
    /// means no scan; a missing, damaged or outdated one is rebuilt by a scan and written again.
    pub fn load(search: &FontSearch) -> Loaded {
        let scan = |db: &mut Database| font_cache::scan(&search.dirs, db, Role::is_candidate);
        let Some(cache) = &search.cache else {
            let mut db = Database::new();
            scan(&mut db);
            return Loaded {
                fonts: Self::from_database(&db),
                cache: CacheUse::Off,
            };
        };
        match font_cache::load(cache, &search.dirs) {
            Ok(snap) => Loaded {
                fonts: Self::from_database(&snap.database()),
                cache: CacheUse::Used,
            },
            Err(why) => {
                let mut db = Database::new();
                let snap = scan(&mut db);
                let saved = font_cache::save(cache, &snap).is_ok();
                Loaded {
                    fonts: Self::from_database(&db),
                    cache: CacheUse::Rebuilt { why, saved },
                }
            }
        }
    }

    /// The faces with their files, for `nianbao fonts` and the 关于 dialog.
    pub fn files(&self) -> Vec<(Role, &Face)> {
        Role::ALL.into_iter().map(|r| (r, self.face(r))).collect()
    }

    pub fn from_database(db: &Database) -> Result<FontSet, ExportError> {
        let mut files: HashMap<String, Arc<FontBytes>> = HashMap::new();
        let mut faces = HashMap::new();
        for role in Role::ALL {
            let families: Vec<Family> = role.families().iter().map(|f| Family::Name(f)).collect();
            let query = Query {
                families: &families,
                weight: role.weight(),
                ..Query::default()
            };
            let Some(id) = db.query(&query) else {
                continue;
            };
            let Some(info) = db.face(id) else { continue };
            let family = info
                .families
                .iter()
                .find(|(name, _)| role.families().contains(&name.as_str()))
                .or(info.families.first())
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            let path = match &info.source {
                Source::File(p) | Source::SharedFile(p, _) => Some(p.clone()),
                Source::Binary(_) => None,
            };
            let key = format!("{:?}", info.source);
            let data = match files.get(&key) {
                Some(d) => d.clone(),
                None => {
                    let Some(d) = face_bytes(db, id, path.as_deref()) else {
                        continue;
                    };
                    files.insert(key, d.clone());
                    d
                }
            };
            // Roles served by the same face share one Face, and so one parse.
            let shared = faces
                .values()
                .find(|f: &&Face| Arc::ptr_eq(&f.data, &data) && f.index == info.index)
                .cloned();
            faces.insert(
                role,
                shared.unwrap_or_else(|| Face {
                    path,
                    ..Face::new(family, data, info.index)
                }),
            );
        }
        if !faces.contains_key(&Role::Body) {
            return Err(ExportError::NoFonts);
        }
        Ok(FontSet { faces })
    }
}

/// A face's file mapped (files) or copied (fonts handed over as bytes); `None` when the file is
/// gone or unreadable, so the role falls back as if the face were not installed.
fn face_bytes(db: &Database, id: fontdb::ID, path: Option<&Path>) -> Option<Arc<FontBytes>> {
    match path {
        Some(p) => FontBytes::map(p).ok().map(Arc::new),
        None => db.with_face_data(id, |data, _| Arc::new(FontBytes::from(data.to_vec()))),
    }
}

/// Where to look for fonts and where to keep the cache.
#[derive(Clone, Debug)]
pub struct FontSearch {
    /// The font folders, scanned with their subfolders.
    pub dirs: Vec<PathBuf>,
    /// The cache file; `None`: scan every time.
    pub cache: Option<PathBuf>,
}

impl FontSearch {
    /// The system's font folders and the cache in the user's cache folder.
    pub fn system() -> FontSearch {
        FontSearch {
            dirs: font_dirs::system_font_dirs(),
            cache: font_dirs::default_cache_file(),
        }
    }

    /// The same folders, scanned without reading or writing the cache (`--no-font-cache`).
    pub fn without_cache(self) -> FontSearch {
        FontSearch {
            cache: None,
            ..self
        }
    }
}

/// The faces found, and what became of the cache on the way.
pub struct Loaded {
    pub fonts: Result<FontSet, ExportError>,
    pub cache: CacheUse,
}

/// How the faces were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheUse {
    /// From a valid cache: no folder was scanned.
    Used,
    /// By a scan, because the cache was missing, damaged or outdated; `saved` says whether the
    /// new cache could be written.
    Rebuilt { why: Stale, saved: bool },
    /// By a scan, the cache left alone.
    Off,
}

impl CacheUse {
    /// A Chinese sentence for `nianbao fonts` and the 关于 dialog.
    pub fn describe(self) -> &'static str {
        match self {
            CacheUse::Used => "字体缓存有效，本次没有扫描字体文件夹。",
            CacheUse::Rebuilt {
                why: Stale::Missing,
                saved: true,
            } => "还没有字体缓存，本次扫描了字体文件夹并写入缓存。",
            CacheUse::Rebuilt {
                why: Stale::Damaged,
                saved: true,
            } => "字体缓存已损坏，本次重新扫描了字体文件夹并重写了缓存。",
            CacheUse::Rebuilt {
                why: Stale::Changed,
                saved: true,
            } => "字体有增减或变动，本次重新扫描了字体文件夹并更新了缓存。",
            CacheUse::Rebuilt { saved: false, .. } => {
                "本次扫描了字体文件夹，但缓存文件写不进去（缓存文件夹可能只读），下次仍会扫描。"
            }
            CacheUse::Off => "本次没有使用字体缓存，扫描了全部字体文件夹。",
        }
    }
}
