//! The core of Nianbao (年报编制器): the model of a 政府信息公开工作年度报告 in the national format
//! of 国办公开办函〔2021〕30号, the rule catalogue and the validator.
//!
//! Pure by design: no Tauri, no file system, no clock. The shell and the CLI read bytes and call
//! [`file::load_report`]; the editor calls [`model::Report::apply`] and [`rules::validate`].

pub mod cell;
pub mod compare;
pub mod diagnostic;
pub mod edit;
pub mod error;
pub mod explain;
pub mod file;
pub mod fix;
pub mod generate;
pub mod model;
pub mod path;
pub mod relocate;
pub mod rules;
pub mod sum;

pub use cell::{CountCell, MoneyCell};
pub use diagnostic::{Diagnostic, Fix, Rule, Severity, Tally};
pub use error::CoreError;
pub use explain::Explanation;
pub use file::{load_report, save_report};
pub use generate::Paragraph;
pub use model::{Report, Section, SCHEMA_VERSION};
pub use path::FieldPath;
pub use rules::{
    catalogue, validate, validate_in, validate_opts, validate_with, LocalRules, Mode, Options,
    WordList,
};
