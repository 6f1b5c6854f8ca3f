//! `nianbao`: the command-line face of the core. Thin by design: it reads files, calls the core
//! and prints what the core says.

mod batch;
mod desk_cmd;
mod export_cmd;
mod fix_cmd;
mod fonts_cmd;
mod import_cmd;
mod output;
mod year_cmd;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
pub(crate) use nianbao_core::error::io_reason;
use nianbao_core::model::AgencyKind;
use nianbao_core::{save_report, Report, Severity};

use crate::output::{print_rules, print_validation, FileResult};

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "年报编制器：编制和审核政府信息公开工作年度报告",
    long_about = None,
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 不用字体缓存：本次扫描全部字体文件夹，缓存文件不读也不写
    #[arg(long = "no-font-cache", global = true)]
    no_font_cache: bool,
}

#[derive(Subcommand)]
enum Command {
    /// 新建一份年报：空白的，或从上一年度的年报开始（--from）
    New {
        /// 机关名称，例如“孟州市人民政府”
        #[arg(long, required_unless_present = "from")]
        agency: Option<String>,
        /// 机关类别：人民政府、政府部门、乡镇（街道）或其他
        #[arg(long, required_unless_present = "from")]
        kind: Option<String>,
        /// 报告年度，例如 2025
        #[arg(long, required_unless_present = "from")]
        year: Option<u64>,
        /// 上一年度的年报（.nianbao.json，或可导入的 Word、网页、文本）：沿用机关信息和正文，结转数字
        #[arg(long, conflicts_with_all = ["agency", "kind", "year"])]
        from: Option<PathBuf>,
        /// 保存到的文件（.nianbao.json）
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 导入已有的年报（Word 文档、保存的网页或文本），生成 .nianbao.json
    Import {
        /// 年报文件：Word（.docx，.doc/.wps 需要 LibreOffice 转换）、网页（.html/.htm）或文本（.txt，UTF-8、GBK 或 UTF-16）
        input: PathBuf,
        /// 保存到的文件；不写则与输入同名，扩展名改为 .nianbao.json
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 审核一份或多份年报：列出所有错误、警告和提示
    Validate {
        /// 年报文件（.nianbao.json）
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 以 JSON 输出，供其他程序读取
        #[arg(long)]
        json: bool,
        /// 上一年度的年报（.nianbao.json，或可导入的 Word、网页、文本），用于跨年度核对；不写时用年报中保存的上年数
        #[arg(long = "last-year")]
        last_year: Option<PathBuf>,
        /// 自动改正可以确定的问题（如正文中与表格不符的数字），写入副本“原名.已改正.nianbao.json”
        #[arg(long)]
        fix: bool,
        /// 改正后的副本保存到的文件（只审核一份年报时可用）
        #[arg(
            short = 'o',
            long = "output",
            requires = "fix",
            conflicts_with = "in_place"
        )]
        output: Option<PathBuf>,
        /// 直接改正原文件，不另存副本
        #[arg(long = "in-place", requires = "fix")]
        in_place: bool,
        /// 副本已存在时覆盖
        #[arg(long, requires = "fix")]
        force: bool,
        /// 本地错误词表（UTF-8 文本，每行“错词 → 正词”）：正文中的错词列为 TEXT-WORDLIST
        #[arg(long, value_name = "文件")]
        wordlist: Option<PathBuf>,
        /// 本地要求：“一、总体情况”最多多少字，超过的列为 OVERVIEW-LENGTH（不写则不查）
        #[arg(long = "overview-max", value_name = "字数")]
        overview_max: Option<u32>,
    },
    /// 审核许多份年报（文件或文件夹），列出每个机关的错误和警告
    Check {
        /// 年报文件或包含年报的文件夹
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
        /// 另外写一份审核表（Excel .xlsx）：“报告”表每份一行，“问题明细”表每个问题一行
        #[arg(long, value_name = "文件")]
        xlsx: Option<PathBuf>,
        /// 另外写审核表的 CSV：此文件每份一行，旁边的“原名.问题明细.csv”每个问题一行
        #[arg(long, value_name = "文件")]
        csv: Option<PathBuf>,
        /// 审核表或问题清单文件已存在时覆盖
        #[arg(long)]
        force: bool,
        /// 与上次审核比较：上次 nianbao check --json 的输出，或文件夹中的 .nianbao-desk.json；列出每份报告已改正、仍存在、新出现的问题
        #[arg(long, value_name = "文件")]
        since: Option<PathBuf>,
        /// 读取并更新被审核文件夹中的审核台记录 .nianbao-desk.json（只审核一个文件夹时可用）
        #[arg(long)]
        desk: bool,
        /// 为每个有错误或未说明警告的单位写一份“单位-问题清单.docx”，另写一份问题清单汇总.xlsx，保存到此文件夹
        #[arg(long = "issues-dir", value_name = "文件夹")]
        issues_dir: Option<PathBuf>,
        /// 本级汇总报告（人民政府的年报，须在审核的文件中）：表二、表三、表四逐格与同年度其他报告之和比较（SUM-MISMATCH），并列出缺少该年度报告的单位
        #[arg(long, value_name = "文件")]
        own: Option<PathBuf>,
        /// 本级汇总包含其本级（政府办公室）数字时，本级那份报告：也计入部门报告之和
        #[arg(long = "own-office", value_name = "文件", requires = "own")]
        own_office: Option<PathBuf>,
    },
    /// 把许多份年报的表二、表三、表四逐格相加，生成汇总年报
    Sum {
        /// 年报文件或包含年报的文件夹
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// 汇总结果保存到的文件（.nianbao.json）
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// 汇总机关的名称，例如“孟州市人民政府”
        #[arg(long)]
        agency: String,
        /// 汇总的报告年度；其他年度的报告不计入
        #[arg(long)]
        year: u64,
        /// 汇总机关的类别（默认：人民政府）
        #[arg(long, default_value = "人民政府")]
        kind: String,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
        /// 表格本身有错误的报告不计入（默认计入，并在结果中列出）
        #[arg(long = "exclude-flagged")]
        exclude_flagged: bool,
    },
    /// 导出排版好的正式文档
    Export {
        /// 年报文件（.nianbao.json 或可导入的文本）
        input: PathBuf,
        /// 导出 PDF 到此文件
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// 导出 Word 文档（.docx）到此文件
        #[arg(long)]
        docx: Option<PathBuf>,
        /// 导出网页（.html）到此文件
        #[arg(long)]
        html: Option<PathBuf>,
        /// 导出时间（Unix 秒），用于可重复的输出；默认为当前时间
        #[arg(long, hide = true)]
        created: Option<i64>,
    },
    /// 关联上年年报：把上一年度年报的表二、表三、表四和收费金额作为上年数保存在本年报中
    AttachLastYear {
        /// 本年的年报（.nianbao.json）
        this: PathBuf,
        /// 上一年度的年报（.nianbao.json，或可导入的 Word、网页、文本）
        last: PathBuf,
        /// 保存到另一个文件；不写则写回本年的年报
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// 另存的文件已存在时覆盖
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// 比较两个年度的年报：表二、表三、表四每一格和收费金额的上年数、本年数和增减，标出异常变化
    Compare {
        /// 一个年度的年报（.nianbao.json，或可导入的 Word、网页、文本）
        a: PathBuf,
        /// 另一个年度的年报；两份的先后不限，年度早的作为上年
        b: PathBuf,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 列出导出 PDF 时各部分使用的字体、字体文件和字体缓存的位置
    Fonts,
    /// 列出全部审核规则
    Rules {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
        /// 以 Markdown 输出（docs/rules.md 即由此生成）
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
    },
}

/// The rest of what a manual page would say (the packages install no separate man page): the
/// usual tasks, exit codes, files and settings. Each command's own options: `nianbao 命令 --help`.
const AFTER_HELP: &str = "\
常用示例：
  nianbao new --agency 孟州市人民政府 --kind 人民政府 --year 2025 -o 2025年报.nianbao.json
  nianbao import 2024年报.docx                     从 Word、网页或文本导入，生成 .nianbao.json
  nianbao validate 2025年报.nianbao.json --last-year 2024年报.nianbao.json
  nianbao export 2025年报.nianbao.json --pdf 年报.pdf --docx 年报.docx --html 年报.html
  nianbao check 各部门年报/                        审核一个文件夹里的全部年报
  nianbao check 各部门年报/ --desk --issues-dir 问题清单/   记住审核状态，为每个单位写问题清单
  nianbao rules                                    列出全部审核规则

退出码：0 没有错误；1 年报中有错误（警告和提示不算）；2 文件无法读取或写入，或参数有误。

年报文件：扩展名 .nianbao.json（UTF-8 JSON），图形界面“年报编制器”（nianbao-editor）打开的也是这种文件。
导出 PDF 所用字体：优先使用本机的仿宋、黑体、楷体和小标宋，没有时改用思源（Noto CJK）和霞鹜文楷；
导出结果会说明实际使用的字体，nianbao fonts 列出字体文件。找到的字体记在用户缓存文件夹的
nianbao/fonts.cache 中，字体有增减时自动更新；--no-font-cache 不用缓存。导入 .doc/.wps 需要 LibreOffice（soffice），
也可用环境变量 NIANBAO_SOFFICE 指定它的位置。

每个命令的详细用法：nianbao 命令 --help，例如 nianbao export --help。";

/// Exit codes: 0 no 错误, 1 some 错误, 2 a file could not be read or written.
pub(crate) const EXIT_FINDINGS: u8 = 1;
pub(crate) const EXIT_UNREADABLE: u8 = 2;

/// A panic ends `nianbao` as before, with std's lines on the terminal, then a sentence saying
/// it is the program's fault and where it was written down: the editor's log (crates/diag, the
/// same folder, so 关于 → 导出诊断信息 sends it too), scrubbed of report text.
fn log_panics() {
    let dir = nianbao_diag::Log::default_dir();
    let std_hook = std::panic::take_hook();
    let where_ = dir.as_ref().map(|d| d.join(nianbao_diag::log::FILES[0]));
    std::panic::set_hook(Box::new(move |info| {
        std_hook(info);
        match &where_ {
            Some(file) => eprintln!(
                "nianbao 内部出错：这是程序的缺陷，不是年报的问题。出错的位置已记在“{}”中（不含年报内容），请把这个文件，或年报编制器“关于 → 导出诊断信息”导出的压缩包，发给技术支持。",
                file.display()
            ),
            None => eprintln!(
                "nianbao 内部出错：这是程序的缺陷，不是年报的问题。请把上面的英文说明发给技术支持。"
            ),
        }
    }));
    nianbao_diag::hook::install("nianbao");
    if let Some(dir) = dir {
        nianbao_diag::hook::set_log_dir(dir);
    }
}

fn main() -> ExitCode {
    log_panics();
    let cli = Cli::parse();
    match cli.command {
        Command::New {
            agency,
            kind,
            year,
            from,
            output,
            force,
        } => match from {
            Some(from) => import_cmd::new_from(&from, &output, force),
            None => new(
                agency.as_deref().unwrap_or_default(),
                kind.as_deref().unwrap_or_default(),
                year.unwrap_or_default(),
                &output,
                force,
            ),
        },
        Command::Import {
            input,
            output,
            force,
        } => import_cmd::import(&input, output.as_deref(), force),
        Command::Validate {
            files,
            json,
            last_year,
            fix,
            output,
            in_place,
            force,
            wordlist,
            overview_max,
        } => {
            let words = match wordlist.as_deref().map(read_wordlist) {
                None => None,
                Some(Ok(w)) => Some(w),
                Some(Err(reason)) => {
                    eprintln!("{reason}");
                    return ExitCode::from(EXIT_UNREADABLE);
                }
            };
            let fixing = match (fix, &output, in_place) {
                (false, ..) => None,
                (true, Some(_), _) if files.len() > 1 => {
                    eprintln!("-o 只能和一份年报一起用：审核多份时，每份的副本保存在它旁边。");
                    return ExitCode::from(EXIT_UNREADABLE);
                }
                (true, Some(o), _) => Some(fix_cmd::Target::Output(o)),
                (true, None, true) => Some(fix_cmd::Target::InPlace),
                (true, None, false) => Some(fix_cmd::Target::Beside),
            };
            if let Some(t) = &fixing {
                if let Err(reason) = fix_cmd::refuse_overwrite(&files, t, force) {
                    eprintln!("{reason}");
                    return ExitCode::from(EXIT_UNREADABLE);
                }
            }
            validate_files(
                &files,
                json,
                last_year.as_deref(),
                fixing.as_ref(),
                &nianbao_core::Options {
                    words: words.as_ref(),
                    local: nianbao_core::LocalRules {
                        overview_max_chars: overview_max,
                    },
                },
            )
        }
        Command::Check {
            paths,
            json,
            xlsx,
            csv,
            force,
            since,
            desk,
            issues_dir,
            own,
            own_office,
        } => batch::check(
            &paths,
            json,
            &batch::Sheets {
                xlsx: xlsx.as_deref(),
                csv: csv.as_deref(),
                force,
            },
            &desk_cmd::DeskArgs {
                since: since.as_deref(),
                keep: desk,
                issues_dir: issues_dir.as_deref(),
                force,
                own: own.as_deref(),
                own_office: own_office.as_deref(),
            },
        ),
        Command::Sum {
            paths,
            output,
            agency,
            year,
            kind,
            force,
            exclude_flagged,
        } => {
            let Some(kind) = parse_kind(&kind) else {
                return ExitCode::from(EXIT_UNREADABLE);
            };
            batch::sum(batch::SumArgs {
                paths: &paths,
                output: &output,
                agency: &agency,
                kind,
                year,
                force,
                exclude_flagged,
            })
        }
        Command::Export {
            input,
            pdf,
            docx,
            html,
            created,
        } => export_cmd::export(
            &input,
            export_cmd::Targets {
                pdf: pdf.as_deref(),
                docx: docx.as_deref(),
                html: html.as_deref(),
            },
            created,
            cli.no_font_cache,
        ),
        Command::Fonts => fonts_cmd::fonts(cli.no_font_cache),
        Command::AttachLastYear {
            this,
            last,
            output,
            force,
        } => year_cmd::attach(&this, &last, output.as_deref(), force),
        Command::Compare { a, b, json } => year_cmd::compare(&a, &b, json),
        Command::Rules { json, markdown } => {
            print_rules(json, markdown);
            ExitCode::SUCCESS
        }
    }
}

fn parse_kind(text: &str) -> Option<AgencyKind> {
    let kind = AgencyKind::parse(text);
    if kind.is_none() {
        let choices: Vec<&str> = AgencyKind::ALL.iter().map(|k| k.label()).collect();
        eprintln!("机关类别“{text}”不认识。可选：{}。", choices.join("、"));
    }
    kind
}

fn new(agency: &str, kind: &str, year: u64, output: &Path, force: bool) -> ExitCode {
    let Some(kind) = parse_kind(kind) else {
        return ExitCode::from(EXIT_UNREADABLE);
    };
    if agency.trim().is_empty() {
        eprintln!("机关名称不能为空。");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    if output.exists() && !force {
        eprintln!(
            "文件 {} 已经存在，没有覆盖它。请换一个文件名，或加上 --force 覆盖。",
            output.display()
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let report = Report::new(agency, kind, year);
    if let Err(e) = write_new_file(output, &save_report(&report)) {
        eprintln!("无法写入 {}：{e}", output.display());
        return ExitCode::from(EXIT_UNREADABLE);
    }
    println!("已新建《{}》：{}", report.title(), output.display());
    ExitCode::SUCCESS
}

/// Reads and parses a `.nianbao.json`, with a Chinese reason on failure.
pub(crate) fn read_report(path: &Path) -> Result<Report, String> {
    nianbao_audit::read_saved(path)
}

/// Reads any report the commands accept: a `.nianbao.json`, or a file of a form the importer
/// reads (told by its ending, then by content).
pub(crate) fn read_any(path: &Path) -> Result<Report, String> {
    nianbao_audit::read_any(path).map(|(report, _)| report)
}

/// Writes a file through a temporary sibling and a rename, so that a failure half-way never
/// leaves a half-written file under the real name.
pub(crate) fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Said before writing: the write itself would fail with NotFound, which reads as if the
    // file were missing, while it is the folder the user named that is not there.
    if !dir.is_dir() {
        return Err(if dir.exists() {
            format!("{} 不是文件夹，请换一个保存位置。", dir.display())
        } else {
            format!(
                "文件夹 {} 不存在，请先建立这个文件夹，或换一个保存位置。",
                dir.display()
            )
        });
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| io_reason(&e))
}

/// Reads the 政府办's word list, with a Chinese reason on failure.
fn read_wordlist(path: &Path) -> Result<nianbao_core::WordList, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("词表 {} 无法打开：{}", path.display(), io_reason(&e)))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "词表 {} 不是 UTF-8 文本，请另存为 UTF-8 编码。",
            path.display()
        )
    })?;
    nianbao_core::WordList::parse(&text).map_err(|e| format!("词表 {}：{e}", path.display()))
}

fn validate_files(
    files: &[PathBuf],
    json: bool,
    last_year: Option<&Path>,
    fixing: Option<&fix_cmd::Target>,
    opts: &nianbao_core::Options,
) -> ExitCode {
    let last = match last_year.map(read_any) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(reason)) => {
            let shown = last_year
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            eprintln!("上一年度的年报 {shown} 无法打开：{reason}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let results: Vec<FileResult> = files
        .iter()
        .map(|path| match read_report(path) {
            Ok(mut report) => {
                // What is validated and shown is the fixed copy, under its own name.
                let mut shown = path.clone();
                if let Some(target) = fixing {
                    // Progress goes to stderr under --json, so stdout stays one JSON document.
                    let mut say = |line: String| {
                        if json {
                            eprintln!("{line}");
                        } else {
                            println!("{line}");
                        }
                    };
                    match fix_cmd::fix_and_write(path, &mut report, last.as_ref(), target, &mut say)
                    {
                        Ok(Some(written)) => shown = written,
                        Ok(None) => {}
                        Err(reason) => {
                            return FileResult::Unreadable {
                                path: path.clone(),
                                reason,
                            }
                        }
                    }
                }
                let diagnostics = nianbao_core::validate_opts(
                    &report,
                    last.as_ref(),
                    nianbao_core::Mode::Full,
                    opts,
                );
                FileResult::Checked {
                    path: shown,
                    title: report.title(),
                    diagnostics,
                }
            }
            Err(reason) => FileResult::Unreadable {
                path: path.clone(),
                reason,
            },
        })
        .collect();
    print_validation(&results, json);
    let unreadable = results
        .iter()
        .any(|r| matches!(r, FileResult::Unreadable { .. }));
    let errors = results.iter().any(|r| match r {
        FileResult::Checked { diagnostics, .. } => {
            diagnostics.iter().any(|d| d.severity == Severity::Error)
        }
        FileResult::Unreadable { .. } => false,
    });
    if unreadable {
        ExitCode::from(EXIT_UNREADABLE)
    } else if errors {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
