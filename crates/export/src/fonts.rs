//! Finding and loading the faces of an official document: the official ones when the machine has
//! them (仿宋_GB2312, 黑体, 楷体, 方正小标宋), else the open faces the project installs.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use fontdb::{Database, Family, Query, Weight};

use crate::error::ExportError;

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
    pub data: Arc<Vec<u8>>,
    pub index: u32,
    /// printpdf's parse of the face, made on first use and kept: parsing a 20 MB collection
    /// costs more than laying out and writing the whole report.
    parsed: Arc<OnceLock<Option<printpdf::ParsedFont>>>,
}

impl Face {
    pub fn new(family: String, data: Arc<Vec<u8>>, index: u32) -> Face {
        Face {
            family,
            data,
            index,
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

    /// Looks for the faces on this machine (system font directories).
    pub fn discover() -> Result<FontSet, ExportError> {
        let mut db = Database::new();
        db.load_system_fonts();
        Self::from_database(&db)
    }

    pub fn from_database(db: &Database) -> Result<FontSet, ExportError> {
        let mut files: HashMap<String, Arc<Vec<u8>>> = HashMap::new();
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
            let key = format!("{:?}", info.source);
            let data = match files.get(&key) {
                Some(d) => d.clone(),
                None => {
                    let Some(d) = db.with_face_data(id, |data, _| Arc::new(data.to_vec())) else {
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
                shared.unwrap_or_else(|| Face::new(family, data, info.index)),
            );
        }
        if !faces.contains_key(&Role::Body) {
            return Err(ExportError::NoFonts);
        }
        Ok(FontSet { faces })
    }
}
