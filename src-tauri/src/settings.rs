//! 设置: what a user adds to the national rules — the 政府办's word list (a "错词 → 正词" file
//! chosen once) and local requirements (总体情况 at most N 字). Kept in the config folder as
//! `settings.json`; the word list is read again at every start, so an office that updates its
//! list on a shared folder is heard without choosing it again. A broken settings file is reported
//! and left alone until the user saves new settings.

use std::path::{Path, PathBuf};

use nianbao_core::{LocalRules, WordList};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::{lock, AppState};
use crate::doc::Checks;
use crate::dto::EditResult;
use crate::error::{AppError, AppResult};
use crate::files;

/// The file as written: what the user chose, nothing derived.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview_max_chars: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wordlist: Option<PathBuf>,
}

/// Local limits a user may type: below 100 字 no 总体情况 can say what the format asks for.
const MIN_OVERVIEW_CHARS: u32 = 100;

/// What the 设置 dialog shows.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsDto {
    /// 总体情况 at most this many characters; `null` when the local rule is off.
    pub overview_max_chars: Option<u32>,
    /// The word list's file, when one is chosen.
    pub wordlist: Option<String>,
    /// How many pairs it holds as read at start or when chosen.
    pub wordlist_entries: u32,
    /// Why the saved settings or the word list could not be used, in Chinese.
    pub problem: Option<String>,
}

pub fn file_in(config: &Path) -> PathBuf {
    config.join("settings.json")
}

/// The settings in `file` (defaults when there is none) and, when it cannot be read, why.
pub fn load(file: &Path) -> (Settings, Option<String>) {
    match std::fs::read(file) {
        Ok(bytes) => match serde_json::from_slice::<Settings>(&bytes) {
            Ok(s) => (s, None),
            Err(_) => (
                Settings::default(),
                Some(format!(
                    "设置文件 {} 已损坏，本次按国家标准审核、不用词表；在“设置”中重新保存即可修复。",
                    file.display()
                )),
            ),
        },
        // No file, or no folder for it (a config folder that is a file is the autosave's to
        // report): nothing was ever chosen.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            (Settings::default(), None)
        }
        Err(e) => (
            Settings::default(),
            Some(format!(
                "无法读取设置文件 {}：{}",
                file.display(),
                nianbao_core::error::io_reason(&e)
            )),
        ),
    }
}

/// The word list at `path`, or why it cannot be used, in Chinese.
pub fn read_wordlist(path: &Path) -> Result<WordList, String> {
    let name = files::display_name(path);
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "无法读取词表“{name}”：{}",
            nianbao_core::error::io_reason(&e)
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("词表“{name}”不是 UTF-8 文本。请用记事本“另存为”UTF-8 编码后再选择。")
    })?;
    WordList::parse(&text).map_err(|e| format!("词表“{name}”：{e}"))
}

/// What the validator is to apply, from the settings: a word list that cannot be read is left
/// out, with the reason.
pub fn checks_of(s: &Settings) -> (Checks, Option<String>) {
    let local = LocalRules {
        overview_max_chars: s.overview_max_chars,
    };
    match s.wordlist.as_deref().map(read_wordlist) {
        None => (Checks { words: None, local }, None),
        Some(Ok(w)) => (
            Checks {
                words: Some(w),
                local,
            },
            None,
        ),
        Some(Err(why)) => (Checks { words: None, local }, Some(why)),
    }
}

fn dto_of(s: &Settings, checks: &Checks, problem: Option<String>) -> SettingsDto {
    SettingsDto {
        overview_max_chars: s.overview_max_chars,
        wordlist: s.wordlist.as_ref().map(|p| p.display().to_string()),
        wordlist_entries: checks
            .words
            .as_ref()
            .map_or(0, |w| u32::try_from(w.len()).unwrap_or(u32::MAX)),
        problem,
    }
}

/// At start: the saved settings into the open document's checks.
pub fn start(state: &AppState, config: Option<&Path>) {
    let Some(file) = config.map(file_in) else {
        return;
    };
    let (settings, problem) = load(&file);
    let (checks, why) = checks_of(&settings);
    state.doc_mut().checks = checks;
    let problem = problem.or(why);
    if let Some(p) = &problem {
        // Said once in the window, and again in the dialog until the settings are saved.
        lock(&state.notice).get_or_insert_with(|| p.clone());
    }
    *lock(&state.settings) = (settings, problem);
    *lock(&state.settings_file) = Some(file);
}

#[tauri::command]
pub fn settings(state: State<'_, AppState>) -> SettingsDto {
    let (settings, problem) = lock(&state.settings).clone();
    let doc = lock(&state.doc);
    dto_of(&settings, &doc.checks, problem)
}

/// 设置 → 保存: checks the choices (a word list that cannot be read is refused with its reason),
/// writes them, and re-checks the open report with them.
#[tauri::command]
pub fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    overview_max_chars: Option<u32>,
    wordlist: Option<String>,
) -> AppResult<EditResult> {
    if let Some(n) = overview_max_chars {
        if n < MIN_OVERVIEW_CHARS {
            return Err(AppError::new(
                "errors.settings.value",
                format!("总体情况字数上限应不少于 {MIN_OVERVIEW_CHARS} 字（填写的是 {n}）。不需要这项要求时请取消勾选。"),
            ));
        }
    }
    let settings = Settings {
        overview_max_chars,
        wordlist: wordlist.filter(|p| !p.trim().is_empty()).map(PathBuf::from),
    };
    let (checks, why) = checks_of(&settings);
    if let Some(why) = why {
        return Err(AppError::new("errors.settings.wordlist", why));
    }
    if let Some(file) = lock(&state.settings_file).as_deref() {
        let bytes = serde_json::to_vec_pretty(&settings)
            .map_err(|e| AppError::new("errors.settings.write", e.to_string()))?;
        files::write_atomic(file, &bytes, false)?;
    }
    *lock(&state.settings) = (settings, None);
    let mut doc = state.doc_mut();
    doc.checks = checks;
    Ok(crate::commands::result_now(&app, &state, &doc))
}

/// 选择词表…: the file, or `null` when the user cancels.
#[tauri::command]
pub async fn pick_wordlist<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let filter = crate::dialogs::Filter {
        name: "词表（文本文件）",
        extensions: &["txt", "csv", "tsv"],
    };
    crate::dialogs::pick_open(&app, "选择词表", &[&filter])
        .await
        .map(|p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("nianbao-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("dir");
        d
    }

    #[test]
    fn no_file_is_the_national_rules() {
        let d = scratch("none");
        let (s, problem) = load(&file_in(&d));
        assert_eq!(s, Settings::default());
        assert!(problem.is_none());
        let (c, why) = checks_of(&s);
        assert!(c.words.is_none() && c.local.is_off() && why.is_none());
    }

    #[test]
    fn a_config_folder_that_is_a_file_is_no_settings() {
        let d = scratch("notdir");
        let file = d.join("一个文件");
        std::fs::write(&file, b"x").expect("write");
        let (s, problem) = load(&file_in(&file));
        assert_eq!(s, Settings::default());
        assert!(problem.is_none(), "{problem:?}");
    }

    #[test]
    fn a_broken_file_is_reported_and_left_alone() {
        let d = scratch("broken");
        let f = file_in(&d);
        std::fs::write(&f, b"{\"overview_max_chars\": ").expect("write");
        let (s, problem) = load(&f);
        assert_eq!(s, Settings::default());
        assert!(problem.expect("reported").contains("已损坏"));
        assert_eq!(
            std::fs::read(&f).expect("kept"),
            b"{\"overview_max_chars\": "
        );
    }

    #[test]
    fn the_word_list_is_read_and_a_bad_one_says_why() {
        let d = scratch("words");
        let list = d.join("词表.txt");
        std::fs::write(
            &list,
            "# 本市常见错词\n重新涉及部门网站 → 重新设计部门网站\n",
        )
        .expect("write");
        let s = Settings {
            overview_max_chars: Some(1000),
            wordlist: Some(list.clone()),
        };
        let (c, why) = checks_of(&s);
        assert!(why.is_none());
        assert_eq!(c.words.as_ref().map(|w| w.len()), Some(1));
        assert_eq!(c.local.overview_max_chars, Some(1000));
        std::fs::write(&list, "没有箭头的一行\n").expect("write");
        let (c, why) = checks_of(&s);
        assert!(c.words.is_none());
        assert!(why.expect("why").contains("第 1 行"));
        std::fs::write(&list, [0xff, 0xfe, 0x00]).expect("write");
        assert!(checks_of(&s).1.expect("why").contains("UTF-8"));
        let gone = Settings {
            overview_max_chars: None,
            wordlist: Some(d.join("没有这个文件.txt")),
        };
        assert!(checks_of(&gone).1.expect("why").contains("无法读取词表"));
    }
}
