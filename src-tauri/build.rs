//! The editor's package is declared in the top-level Cargo.toml (its sources are here, in
//! src-tauri/), so this script runs at the repository top, where tauri-build finds the one
//! `tauri.conf.json` and reads every path in it (ui/dist, icons/, src-tauri/packaging/) from there,
//! as the Tauri CLI does when it bundles. tauri-build writes its `gen/` and `permissions/` there
//! too; both are ignored (.gitignore).

use std::path::PathBuf;

// Every command the UI may call. tauri-build turns each into an `allow-…` permission; the
// capability in `src-tauri/capabilities/` grants exactly these, nothing else.
include!("src/command_names.rs");

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    ensure_ui_dist(&root);
    println!(
        "cargo:rerun-if-changed={}",
        root.join("src-tauri/capabilities").display()
    );
    let attrs = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attrs) {
        panic!("tauri-build failed: {e:#}");
    }
}

/// The UI is embedded at compile time from `ui/dist`. When it has not been built (a plain
/// `cargo build --workspace` on a machine without node), a one-page placeholder keeps the
/// workspace compiling and tells whoever opens the app what to run.
fn ensure_ui_dist(root: &std::path::Path) {
    let dist = root.join("ui/dist");
    println!("cargo:rerun-if-changed={}", dist.display());
    if dist.join("index.html").exists() {
        return;
    }
    println!("cargo:warning=ui/dist is missing; embedding a placeholder page (run `npm --prefix ui ci && npm --prefix ui run build`)");
    let page =
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>年报编制器</title>\
                <body><p>界面尚未构建。请在项目目录运行 bash scripts/run.sh。</p></body></html>\n";
    if let Err(e) =
        std::fs::create_dir_all(&dist).and_then(|_| std::fs::write(dist.join("index.html"), page))
    {
        panic!("cannot write the placeholder {}: {e}", dist.display());
    }
}
