//! `nianbao fonts`: which installed face each part of an exported PDF uses, from which file, and
//! what the font cache did — the first thing to look at when a PDF's fonts look wrong.

use std::process::ExitCode;

use nianbao_export::{CacheUse, FontSearch, FontSet};

use crate::EXIT_UNREADABLE;

/// Where the faces are looked for: the system's font folders, through the cache unless the user
/// asked for a clean run.
pub(crate) fn search(no_cache: bool) -> FontSearch {
    let search = FontSearch::system();
    if no_cache {
        search.without_cache()
    } else {
        search
    }
}

pub(crate) fn fonts(no_cache: bool) -> ExitCode {
    let search = search(no_cache);
    let loaded = FontSet::load(&search);
    let mut msg = String::new();
    let failed = match &loaded.fonts {
        Ok(set) => {
            msg.push_str("导出 PDF 时使用的字体：\n");
            for (role, face) in set.files() {
                let file = match (&face.path, face.index) {
                    (None, _) => "程序内置".to_string(),
                    (Some(p), 0) => p.display().to_string(),
                    // A collection (.ttc) holds several faces; say which one.
                    (Some(p), i) => format!("{} 中的第 {} 个字体", p.display(), i + 1),
                };
                msg.push_str(&format!("  {}：{}（{file}）\n", role.label(), face.family));
            }
            false
        }
        Err(e) => {
            msg.push_str(&format!("{e}\n"));
            true
        }
    };
    match &search.cache {
        Some(path) => msg.push_str(&format!("字体缓存：{}\n", path.display())),
        None if no_cache => {}
        None => msg.push_str("这台电脑没有用户缓存文件夹，每次都会扫描字体。\n"),
    }
    msg.push_str(loaded.cache.describe());
    msg.push('\n');
    if loaded.cache != CacheUse::Used {
        msg.push_str(&format!(
            "扫描的字体文件夹：{}\n",
            search
                .dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join("、")
        ));
    }
    crate::output::emit(&msg);
    if failed {
        ExitCode::from(EXIT_UNREADABLE)
    } else {
        ExitCode::SUCCESS
    }
}
