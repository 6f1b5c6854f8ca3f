//! `nianbao check`'s review loop over the five seeds: planted errors, the --json fingerprints and
//! statuses, a corrected file swapped in and `--since` counting 已改正 / 仍存在, the desk's own
//! state file (kept, and a damaged one said in Chinese), and the 问题清单 written per department.

use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use serde_json::Value;

mod common;
use common::{nianbao, text};

fn fixture(i: usize) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/fixtures/00{i}.nianbao.json"));
    serde_json::from_slice(&std::fs::read(p).expect("fixture")).expect("json")
}

fn put(dir: &Path, i: usize, v: &Value) {
    std::fs::write(
        dir.join(format!("00{i}.nianbao.json")),
        serde_json::to_vec(v).expect("json"),
    )
    .expect("write");
}

/// The five seeds in a folder; 001 with a wrong 自然人·本年新收 (3 for 0) and 003 with a 复议 总计
/// of 99 — each a 错误 or more — the others as they are.
fn planted() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..5 {
        let mut v = fixture(i);
        if i == 1 {
            v["requests"]["new_received"]["natural_person"] = Value::from("3");
        }
        if i == 3 {
            v["review"]["reconsideration"]["total"] = Value::from("99");
        }
        put(dir.path(), i, &v);
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn json_check(args: &[&str]) -> (Vec<Value>, String) {
    let o = nianbao(args);
    let stdout = String::from_utf8(o.stdout.clone()).expect("utf-8");
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o)));
    (
        v.as_array().expect("an array").clone(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn entry<'a>(results: &'a [Value], name: &str) -> &'a Value {
    results
        .iter()
        .find(|r| r["desk"]["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {results:?}"))
}

fn findings(r: &Value) -> &Vec<Value> {
    r["desk"]["findings"].as_array().expect("findings")
}

#[test]
fn a_corrected_file_is_counted_fixed_and_the_rest_still_open() {
    let dir = planted();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).expect("mkdir");
    for i in 0..5 {
        std::fs::rename(
            dir.path().join(format!("00{i}.nianbao.json")),
            reports.join(format!("00{i}.nianbao.json")),
        )
        .expect("move");
    }
    let (first, _) = json_check(&["check", "--json", s(&reports)]);
    assert_eq!(first.len(), 5);
    // Every finding has a fingerprint and, at a first check, is 新出现.
    for r in &first {
        for f in findings(r) {
            assert!(
                f["fingerprint"].as_str().is_some_and(|p| p.contains(':')),
                "{f}"
            );
            assert_eq!(f["status"], "新出现");
        }
    }
    let planted_001 = findings(entry(&first, "001.nianbao.json")).len();
    let errors_001 = findings(entry(&first, "001.nianbao.json"))
        .iter()
        .filter(|f| f["severity"] == "错误")
        .count();
    assert!(
        errors_001 >= 2,
        "the planted cell breaks its row and its balance"
    );
    let old = dir.path().join("old.json");
    std::fs::write(&old, serde_json::to_vec(&first).expect("json")).expect("write");

    // 001 comes back corrected; 003 is not touched.
    put(&reports, 1, &fixture(1));
    let o = nianbao(&["check", s(&reports), "--since", s(&old)]);
    let out = text(&o);
    let still = planted_001 - errors_001;
    assert!(
        out.contains(&format!(
            "已更新  潘集区人民政府（001.nianbao.json）：已改正 {errors_001}，仍存在 {still}，新出现 0"
        )),
        "{out}"
    );
    assert!(out.contains("其余 4 份没有变化。"), "{out}");
    assert_eq!(o.status.code(), Some(1), "003's 错误 is still there: {out}");

    // The same with --json: the statuses per finding.
    let (second, stderr) = json_check(&["check", "--json", s(&reports), "--since", s(&old)]);
    assert!(stderr.contains("已改正"), "{stderr}");
    let r001 = entry(&second, "001.nianbao.json");
    assert_eq!(r001["counts"]["fixed"], errors_001);
    assert_eq!(r001["counts"]["open"], still);
    let fixed: Vec<&Value> = findings(r001)
        .iter()
        .filter(|f| f["status"] == "已改正")
        .collect();
    assert!(fixed.iter().all(|f| f["severity"] == "错误"), "{fixed:?}");
    let r003 = entry(&second, "003.nianbao.json");
    assert!(
        findings(r003).iter().all(|f| f["status"] == "新出现"),
        "unchanged file kept its statuses"
    );
}

#[test]
fn the_desk_file_is_kept_in_the_folder_and_a_damaged_one_is_said_not_overwritten() {
    let dir = planted();
    let d = dir.path();
    let state = d.join(".nianbao-desk.json");
    let o = nianbao(&["check", s(d), "--desk"]);
    assert!(text(&o).contains("已更新审核台记录"), "{}", text(&o));
    let first: Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state")).expect("json");
    assert_eq!(first["version"], 1);
    assert_eq!(
        first["files"].as_array().expect("files").len(),
        5,
        "the state file is not a report"
    );
    // No report was written by the desk.
    for i in 0..5 {
        let now: Value = serde_json::from_slice(
            &std::fs::read(d.join(format!("00{i}.nianbao.json"))).expect("read"),
        )
        .expect("json");
        assert_eq!(now["meta"], fixture(i)["meta"]);
    }
    // The corrected 003 at the next check: the desk remembers the first.
    put(d, 3, &fixture(3));
    let out = text(&nianbao(&["check", s(d), "--desk"]));
    assert!(
        out.contains("已更新  孟州市人民政府（003.nianbao.json）：已改正"),
        "{out}"
    );
    let second: Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state")).expect("json");
    let f003 = &second["files"][3]["findings"];
    assert!(
        f003.as_array()
            .expect("findings")
            .iter()
            .all(|f| f["status"] == "已改正"),
        "{f003}"
    );

    // Cut in half (a power cut in an older version): said in Chinese, left as it is.
    let bytes = std::fs::read(&state).expect("state");
    std::fs::write(&state, &bytes[..bytes.len() / 2]).expect("write");
    let o = nianbao(&["check", s(d), "--desk"]);
    let out = text(&o);
    assert!(
        out.contains(".nianbao-desk.json 无法使用：文件不完整"),
        "{out}"
    );
    assert!(!out.contains("panicked"), "{out}");
    assert_eq!(o.status.code(), Some(1), "001's 错误 still counted: {out}");
    assert_eq!(
        std::fs::read(&state).expect("state"),
        &bytes[..bytes.len() / 2]
    );
    // A --since file that is not one.
    let junk = d.join("junk.json");
    std::fs::write(&junk, "{\"not\": \"a desk\"}").expect("write");
    let o = nianbao(&["check", s(d), "--since", s(&junk)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("版本号"), "{}", text(&o));
    // --desk needs one folder.
    let one = d.join("001.nianbao.json");
    let o = nianbao(&["check", s(&one), "--desk"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("--desk 只能和一个文件夹一起用"),
        "{}",
        text(&o)
    );
}

fn docx_text(path: &Path) -> String {
    let o = std::process::Command::new("unzip")
        .args(["-p", s(path), "word/document.xml"])
        .output()
        .expect("unzip runs");
    String::from_utf8(o.stdout).expect("utf-8")
}

#[test]
fn issues_dir_gets_one_list_per_department_and_a_summary_workbook() {
    let dir = planted();
    let out = tempfile::tempdir().expect("tempdir");
    let results_of = |args: &[&str]| json_check(args).0;
    let results = results_of(&["check", "--json", s(dir.path())]);
    let o = nianbao(&["check", s(dir.path()), "--issues-dir", s(out.path())]);
    assert!(text(&o).contains("已写入问题清单 5 份"), "{}", text(&o));
    let mut written: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("read")
        .map(|e| e.expect("entry").path())
        .collect();
    written.sort();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"潘集区人民政府-问题清单.docx".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"孟州市人民政府-问题清单.docx".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"问题清单汇总.xlsx".to_string()),
        "{names:?}"
    );
    assert_eq!(names.len(), 6, "{names:?}");
    // Each department's findings are in its own list, as the word processor reads it.
    let xml = docx_text(&out.path().join("潘集区人民政府-问题清单.docx"));
    for f in findings(entry(&results, "001.nianbao.json")) {
        let m = f["message"].as_str().expect("message");
        // Quotation marks and text stand as they are in the XML; only & < > are escaped.
        let m = m
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(xml.contains(&m), "{m} not in the list");
    }
    let book = out.path().join("问题清单汇总.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&book).expect("opens");
    let sheet = wb.worksheet_range("问题清单").expect("sheet");
    let listed: usize = results.iter().map(|r| findings(r).len()).sum();
    assert_eq!(sheet.height(), listed + 1);
    // Written again without --force: refused before a single file is touched.
    let o = nianbao(&["check", s(dir.path()), "--issues-dir", s(out.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("已经存在，问题清单一份也没有写"),
        "{}",
        text(&o)
    );
    let missing = out.path().join("没有这个文件夹");
    let o = nianbao(&["check", s(dir.path()), "--issues-dir", s(&missing)]);
    assert!(
        text(&o).contains("不存在，请先建立这个文件夹"),
        "{}",
        text(&o)
    );
}

#[test]
fn the_own_report_one_cell_off_the_sum_is_named_with_both_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for i in 0..4 {
        let mut v = fixture(i);
        v["meta"]["year"] = Value::from("2023");
        v["meta"]["title"] = Value::from("");
        put(d, i, &v);
    }
    let total = d.join("sum.json");
    let o = nianbao(&[
        "sum",
        s(d),
        "-o",
        s(&total),
        "--agency",
        "测试县人民政府",
        "--year",
        "2023",
    ]);
    assert!(
        o.status.success() || o.status.code() == Some(1),
        "{}",
        text(&o)
    );
    let mut own: Value =
        serde_json::from_slice(&std::fs::read(&total).expect("sum")).expect("json");
    std::fs::remove_file(&total).expect("rm");
    let cell = &mut own["requests"]["granted"]["natural_person"];
    let was: u64 = cell.as_str().expect("text").parse().expect("number");
    *cell = Value::from((was + 1).to_string());
    let own_path = d.join("县政府.nianbao.json");
    std::fs::write(&own_path, serde_json::to_vec(&own).expect("json")).expect("write");
    let o = nianbao(&["check", s(d), "--own", s(&own_path), "--desk"]);
    let out = text(&o);
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("[SUM-MISMATCH]"))
        .collect();
    assert_eq!(
        lines,
        vec![format!(
            "  [SUM-MISMATCH] 表三·自然人·予以公开：本级汇总报告是 {}，4 份部门报告之和是 {was}（相差 1）。",
            was + 1
        )],
        "{out}"
    );
    // The mark is remembered: the next check needs no --own, and the finding has a status.
    let (results, _) = json_check(&["check", "--json", s(d), "--desk"]);
    let own_entry = entry(&results, "县政府.nianbao.json");
    let sum_findings: Vec<&Value> = findings(own_entry)
        .iter()
        .filter(|f| f["code"] == "SUM-MISMATCH")
        .collect();
    assert_eq!(sum_findings.len(), 1, "{own_entry}");
    // The file did not change since: the finding keeps the status it had.
    assert_eq!(sum_findings[0]["status"], "新出现");
    let state: Value =
        serde_json::from_slice(&std::fs::read(d.join(".nianbao-desk.json")).expect("state"))
            .expect("json");
    assert_eq!(state["own"], "县政府.nianbao.json");
    // Not a file of the check: said, not guessed.
    let o = nianbao(&["check", s(d), "--own", "/elsewhere/县政府.nianbao.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("不在这次审核的文件中"), "{}", text(&o));
}

#[test]
fn twelve_reports_of_a_year_are_compared_with_their_peers_as_hints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = fixture(3);
    for k in 1..=12u64 {
        let mut v = seed.clone();
        v["meta"]["agency"] = Value::from(format!("第{k}局"));
        if let Some(rows) = v["requests"].as_object_mut() {
            for row in rows.values_mut() {
                for cell in row.as_object_mut().expect("row").values_mut() {
                    let n: u64 = cell.as_str().unwrap_or("0").trim().parse().unwrap_or(0);
                    *cell = Value::from((n * k).to_string());
                }
            }
        }
        if k == 6 {
            // Granted none of what it handled: a 实质公开率 of 0 among peers of 68%.
            v["requests"]["granted"]["total"] = Value::from("0");
        }
        std::fs::write(
            dir.path().join(format!("{k:02}.nianbao.json")),
            serde_json::to_vec(&v).expect("json"),
        )
        .expect("write");
    }
    let (results, _) = json_check(&["check", "--json", s(dir.path())]);
    let peer: Vec<(&str, &str)> = results
        .iter()
        .flat_map(|r| {
            findings(r)
                .iter()
                .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("PEER-")))
                .map(move |f| {
                    (
                        r["desk"]["name"].as_str().unwrap_or(""),
                        f["severity"].as_str().unwrap_or(""),
                    )
                })
        })
        .collect();
    assert_eq!(peer, vec![("06.nianbao.json", "提示")], "{results:?}");
    let out = text(&nianbao(&["check", s(dir.path())]));
    assert!(out.contains("有 1 条提示（PEER-ZERO、PEER-RATE）"), "{out}");
}

/// The five raw seeds (text, as departments send them), one with a number mistyped in table 三.
#[test]
fn raw_seed_texts_with_a_mistyped_number_and_the_corrected_text_sent_back() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/seeds");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for n in &names {
        std::fs::copy(seeds.join(n), dir.path().join(n)).expect("copy");
    }
    let mengzhou = names
        .iter()
        .find(|n| n.starts_with("003"))
        .expect("seed 003");
    let original = std::fs::read_to_string(seeds.join(mengzhou)).expect("read");
    let row = "一、本年新收政府信息公开申请数量\t\t91\t0\t0\t0\t55\t0\t146";
    assert!(original.contains(row), "the seed's row as printed");
    // 91 typed as 19: the row's total and the column's balance no longer hold.
    let mistyped = original.replace(row, &row.replace("\t91\t", "\t19\t"));
    std::fs::write(dir.path().join(mengzhou), mistyped).expect("write");
    let (first, _) = json_check(&["check", "--json", s(dir.path())]);
    let planted = findings(entry(&first, mengzhou)).len();
    assert!(planted >= 2, "{:?}", entry(&first, mengzhou));
    let old = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(old.path(), serde_json::to_vec(&first).expect("json")).expect("write");
    std::fs::write(dir.path().join(mengzhou), &original).expect("write");
    let out = text(&nianbao(&[
        "check",
        s(dir.path()),
        "--since",
        s(old.path()),
    ]));
    assert!(
        out.contains(&format!(
            "已更新  孟州市人民政府（{mengzhou}）：已改正 {planted}，仍存在 0，新出现 0"
        )),
        "{out}"
    );
    assert!(out.contains("其余 4 份没有变化。"), "{out}");
}
