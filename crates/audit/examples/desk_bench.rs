//! The desk with its memory against today's desk, in one run (issue 29; scripts/bench-desk.sh
//! runs it in a release build):
//!   cargo run --release -p nianbao-audit --example desk_bench -- [COUNT]
//! COUNT reports (default 1,000) made from the five seed fixtures (agency and numbers varied,
//! every table still adding up, one in five with a planted 错误) are checked once and the state
//! written; then
//! - open: today's desk has no memory and checks every file again; the desk with
//!   .nianbao-desk.json reads it and looks at every file's stamp (target ≤ 1 s);
//! - 刷新 after one changed file: stamps, that file checked, the state updated and written
//!   atomically (target ≤ 200 ms), against today's 刷新 (stamps and the one file checked).
//!
//! Prints medians of 5 runs in milliseconds.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use nianbao_audit::{
    changed, check_file, content_hash, relative_name, run, DeskState, Row, Seen, DESK_FILE,
};
use nianbao_core::{load_report, save_report, CountCell};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn check_all(files: &[PathBuf]) -> Vec<Row> {
    let mut rows: Vec<Option<Row>> = vec![None; files.len()];
    let never = AtomicBool::new(false);
    run(files, &never, |i, r| rows[i] = Some(r)).expect("not cancelled");
    rows.into_iter().map(|r| r.expect("a row")).collect()
}

fn seen<'a>(dir: &Path, rows: &'a [Row]) -> Vec<Seen<'a>> {
    rows.iter()
        .map(|r| Seen {
            name: relative_name(dir, &r.file),
            hash: std::fs::read(&r.file).ok().map(|b| content_hash(&b)),
            row: r,
        })
        .collect()
}

fn write_atomic(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds: Vec<nianbao_core::Report> = (0..5)
        .map(|i| {
            let p = repo.join(format!("tests/fixtures/00{i}.nianbao.json"));
            load_report(&std::fs::read(p).expect("fixture")).expect("loads")
        })
        .collect();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let mut r = seeds[i % 5].clone();
        r.meta.agency = format!("第{i:05}号单位");
        if i % 5 == 1 {
            let (row, col, c) = r.requests.cells().next().expect("a cell");
            let n = c.count_or_zero() + 1 + (i as u64 % 7);
            r.requests.set(row, col, CountCell::from_count(n));
        }
        let p = dir.join(format!("{i:05}.nianbao.json"));
        std::fs::write(&p, save_report(&r)).expect("write");
        files.push(p);
    }
    // The first check and its state, as the desk leaves them.
    let rows = check_all(&files);
    let (state, _) = DeskState::new().update(&seen(dir, &rows));
    let state_path = dir.join(DESK_FILE);
    write_atomic(&state_path, &state.to_json());
    let state_kb = std::fs::metadata(&state_path).map_or(0, |m| m.len()) / 1024;
    let findings: usize = state.files.iter().map(|f| f.findings.len()).sum();

    // Open.
    let today_open = time(5, || {
        let _ = check_all(&files);
    });
    let desk_open = time(5, || {
        let s = DeskState::from_json(&std::fs::read(&state_path).expect("read")).expect("parse");
        let stale = s
            .files
            .iter()
            .filter(|f| {
                let st = nianbao_audit::stamp(&dir.join(&f.name));
                st.map(|st| (st.size, st.modified_ms.and_then(|m| u64::try_from(m).ok())))
                    != Some((f.size, f.modified_ms))
            })
            .count();
        assert_eq!(stale, 0);
    });

    // 刷新 after one changed file: the department sends back report 1, corrected.
    let fixed = dir.join("00001.nianbao.json");
    let mut r = seeds[1].clone();
    r.meta.agency = "第00001号单位".to_string();
    std::fs::write(&fixed, save_report(&r)).expect("write");
    let mut today_rows = rows.clone();
    let today_refresh = time(5, || {
        for i in changed(&today_rows) {
            today_rows[i] = check_file(&files[i]);
        }
        // Make it changed again for the next run, as the test harness of a real 刷新 would.
        today_rows[1].stamp = None;
    });
    let mut desk_rows = rows.clone();
    let mut last = state.clone();
    let desk_refresh = time(5, || {
        let again = changed(&desk_rows);
        for &i in &again {
            desk_rows[i] = check_file(&files[i]);
        }
        // Only the changed files are hashed and compared; the others keep their entries.
        let now: Vec<Seen> = again
            .iter()
            .map(|&i| {
                let r = &desk_rows[i];
                Seen {
                    name: relative_name(dir, &r.file),
                    hash: std::fs::read(&r.file).ok().map(|b| content_hash(&b)),
                    row: r,
                }
            })
            .collect();
        let mut next = state.clone();
        next.refresh(&now);
        write_atomic(&state_path, &next.to_json());
        last = next;
        desk_rows[1].stamp = None;
    });
    let counts = nianbao_audit::Counts::of(&last.files[1]);
    println!(
        "{count} reports, {findings} findings, {DESK_FILE} {state_kb} KB; report 1 after 刷新: {}",
        counts.in_words()
    );
    println!(
        "open:  today's desk (every file checked again) {today_open:.0} ms; with {DESK_FILE} {desk_open:.0} ms ({:.1}× faster; target ≤ 1000 ms)",
        today_open / desk_open
    );
    println!(
        "刷新 after one changed file: today's desk {today_refresh:.1} ms; with statuses {desk_refresh:.1} ms ({:.2}× today's; target ≤ 200 ms)",
        desk_refresh / today_refresh
    );
}
