//! Scores the importer on a folder of real reports whose cells were decoded by hand:
//! `score DIR` imports every `DIR/NAME` that has `DIR/expected/NAME.expected.json` and prints, per
//! file, the cells right, wrong and named, wrong and silent, blank and named, blank and silent,
//! the sections found with text and the number of import notes. `scripts/score-import.sh` runs it.

#[path = "../tests/common/score.rs"]
mod score;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("用法：score 文件夹（文件夹中有年报文件和 expected/文件名.expected.json）");
        return ExitCode::from(2);
    };
    let verbose = std::env::args().any(|a| a == "-v");
    let dir = Path::new(&dir);
    let mut names: Vec<String> = match std::fs::read_dir(dir.join("expected")) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.strip_suffix(".expected.json").map(str::to_string)
            })
            .collect(),
        Err(e) => {
            eprintln!("读不了 {}：{e}", dir.join("expected").display());
            return ExitCode::from(2);
        }
    };
    names.sort();
    println!(
        "{:<32} {:>5} {:>5} {:>6} {:>7} {:>6} {:>7} {:>8} {:>5}",
        "file", "cells", "right", "wrong+", "wrong!", "blank+", "blank!", "sections", "notes"
    );
    let (mut all, mut right, mut silent) = (0, 0, 0);
    for name in names {
        let read = std::fs::read(dir.join(&name)).map_err(|e| e.to_string());
        let expected = std::fs::read(dir.join("expected").join(format!("{name}.expected.json")))
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
            .and_then(|v: serde_json::Value| score::decoded_cells(&v));
        let (bytes, decoded) = match (read, expected) {
            (Ok(b), Ok(d)) => (b, d),
            (Err(e), _) | (_, Err(e)) => {
                println!("{name:<32} unreadable: {e}");
                continue;
            }
        };
        let got = match nianbao_import::import_bytes(&bytes, Some(&name)) {
            Ok(g) => g,
            Err(e) => {
                println!("{name:<32} refused: {e}");
                all += decoded.len();
                continue;
            }
        };
        let s = score::score(&got, &decoded);
        let sections = score::sections_with_text(&got);
        let marks: String = ["一", "二", "三", "四", "五", "六"]
            .iter()
            .zip(sections)
            .map(|(n, ok)| if ok { *n } else { "·" })
            .collect();
        println!(
            "{:<32} {:>5} {:>5} {:>6} {:>7} {:>6} {:>7} {:>8} {:>5}",
            name,
            s.cells(),
            s.right,
            s.wrong_named,
            s.wrong_silent,
            s.blank_named,
            s.blank_silent,
            marks,
            got.findings.len()
        );
        if verbose {
            for (p, want, have, v) in &s.misses {
                println!("    {p}: decoded “{want}”, imported “{have}” ({v:?})");
            }
            for f in &got.findings {
                println!(
                    "    note {}: {}",
                    f.line,
                    f.reason.chars().take(160).collect::<String>()
                );
            }
        }
        all += s.cells();
        right += s.right;
        silent += s.wrong_silent + s.blank_silent;
    }
    println!("all: {right}/{all} cells right, {silent} silently wrong or blank");
    ExitCode::SUCCESS
}
