//! `nianbao validate --fix`: the safe quick fixes applied to a copy (or, when asked, in place).

use std::path::{Path, PathBuf};

use nianbao_core::{save_report, Report};

/// Where the fixed report goes.
pub enum Target<'a> {
    /// Beside the input, as `NAME.已改正.nianbao.json`.
    Beside,
    Output(&'a Path),
    InPlace,
}

pub fn default_output(input: &Path) -> PathBuf {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".nianbao.json").unwrap_or(&name);
    input.with_file_name(format!("{stem}.已改正.nianbao.json"))
}

pub fn output_of(input: &Path, target: &Target) -> PathBuf {
    match target {
        Target::Beside => default_output(input),
        Target::Output(p) => p.to_path_buf(),
        Target::InPlace => input.to_path_buf(),
    }
}

/// Refuses, before anything is read or written, a copy that would overwrite a file.
pub fn refuse_overwrite(inputs: &[PathBuf], target: &Target, force: bool) -> Result<(), String> {
    if force || matches!(target, Target::InPlace) {
        return Ok(());
    }
    match inputs
        .iter()
        .map(|i| output_of(i, target))
        .find(|o| o.exists())
    {
        Some(o) => Err(format!(
            "文件 {} 已经存在，没有覆盖它。请用 -o 换一个文件名，或加上 --force 覆盖。",
            o.display()
        )),
        None => Ok(()),
    }
}

/// Applies the safe fixes to `report`, writes it and says so. Returns where the fixed report
/// went (None when nothing needed fixing: no file is written then), or why it could not be.
pub fn fix_and_write(
    input: &Path,
    report: &mut Report,
    last_year: Option<&Report>,
    target: &Target,
    say: &mut dyn FnMut(String),
) -> Result<Option<PathBuf>, String> {
    let applied = report.apply_safe_fixes(last_year);
    if applied.is_empty() {
        say(format!(
            "{}：没有可以自动改正的地方，没有写出新文件。",
            input.display()
        ));
        return Ok(None);
    }
    let output = output_of(input, target);
    for f in &applied {
        say(format!(
            "  改正：{}“{}”→“{}”",
            f.path.label(),
            f.found,
            f.replacement
        ));
    }
    crate::write_new_file(&output, &save_report(report))
        .map_err(|reason| format!("无法写入 {}：{reason}", output.display()))?;
    let whereto = if matches!(target, Target::InPlace) {
        format!("已改正 {} 处，写回了 {}。", applied.len(), output.display())
    } else {
        format!(
            "已改正 {} 处，写入 {}（原文件 {} 未改动）。",
            applied.len(),
            output.display(),
            input.display()
        )
    };
    say(whereto);
    Ok(Some(output))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_sits_beside_the_input() {
        assert_eq!(
            default_output(Path::new("/a/2025.nianbao.json")),
            PathBuf::from("/a/2025.已改正.nianbao.json")
        );
        assert_eq!(
            default_output(Path::new("年报.json")),
            PathBuf::from("年报.json.已改正.nianbao.json")
        );
    }
}
