//! Numeric cells that keep what the user typed.
//!
//! A cell stores its raw text; the parsed value is derived from it once, when the text is set, so
//! the validator never re-parses on a keystroke. Text that only differs from a number by harmless
//! forms (full-width digits, surrounding spaces) is normalised; anything else is kept verbatim and
//! carries a [`CellIssue`] for the validator to report.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a cell holds: a count of items, or an amount of money in 万元.
pub trait CellKind: Clone + fmt::Debug + PartialEq + Default {
    type Value: Clone + fmt::Debug + PartialEq;
    fn parse(normalised: &str) -> Result<Self::Value, CellIssue>;
}

/// Counts: 件数, 决定数量. Whole, non-negative numbers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Count;

/// Amounts in 万元 (行政事业性收费). Kept exact as typed, scale included.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Money;

/// Why the text of a cell is not a usable value. Each variant carries what the message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellIssue {
    /// Letters, units or other text mixed in: "12a", "5件", "—".
    NotNumber,
    /// Chinese numerals such as "一百": meant as a number, but not one we can add up.
    ChineseNumeral,
    /// "1,234": the separator is ambiguous in Chinese usage; the value it most likely means.
    ThousandsSeparator(Decimal),
    /// A count below zero.
    Negative(Decimal),
    /// A count with a fractional part.
    Fraction(Decimal),
    /// Larger than any real report needs ([`MAX_COUNT`], [`MONEY_LIMIT`]): kept out of sums so that
    /// no total can overflow or lose precision anywhere (Rust, JSON, the UI).
    Overflow,
}

/// The state of a cell after parsing.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed<V> {
    Empty,
    Value(V),
    /// "/" or "-" (and their full-width and dash forms): printed in published tables for 不适用 —
    /// a case the agency does not have (a 部门 without 规章 powers). Neither 0 nor blank: kept as
    /// printed, counted as 0 in sums, and named by its own rule rather than as an error.
    NotApplicable,
    Invalid(CellIssue),
}

/// The marks published tables use for 不适用: a slash or a dash, once or twice.
pub fn is_not_applicable_mark(text: &str) -> bool {
    let t = normalise(text);
    let n = t.chars().count();
    (1..=2).contains(&n)
        && t.chars()
            .all(|c| matches!(c, '/' | '\\' | '-' | '—' | '–' | '―' | '─'))
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell<K: CellKind> {
    raw: String,
    parsed: ParsedSlot<K::Value>,
    _kind: PhantomData<K>,
}

#[derive(Clone, Debug, PartialEq)]
struct ParsedSlot<V>(Parsed<V>);

impl<V> Default for ParsedSlot<V> {
    fn default() -> Self {
        ParsedSlot(Parsed::Empty)
    }
}

pub type CountCell = Cell<Count>;
pub type MoneyCell = Cell<Money>;

impl<K: CellKind> Cell<K> {
    /// Builds a cell from typed text. Harmless variants are normalised; the rest is kept verbatim.
    pub fn new(text: &str) -> Self {
        let normalised = normalise(text);
        if normalised.is_empty() {
            // Only blanks: nothing was meant, so the cell is empty rather than "invalid".
            return Cell {
                raw: String::new(),
                parsed: ParsedSlot(Parsed::Empty),
                _kind: PhantomData,
            };
        }
        if is_not_applicable_mark(&normalised) {
            return Cell {
                raw: text.trim().to_string(),
                parsed: ParsedSlot(Parsed::NotApplicable),
                _kind: PhantomData,
            };
        }
        match K::parse(&normalised) {
            Ok(v) => Cell {
                raw: normalised,
                parsed: ParsedSlot(Parsed::Value(v)),
                _kind: PhantomData,
            },
            Err(issue) => Cell {
                raw: text.to_string(),
                parsed: ParsedSlot(Parsed::Invalid(issue)),
                _kind: PhantomData,
            },
        }
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn parsed(&self) -> &Parsed<K::Value> {
        &self.parsed.0
    }

    pub fn value(&self) -> Option<&K::Value> {
        match &self.parsed.0 {
            Parsed::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self.parsed.0, Parsed::Empty)
    }

    pub fn is_not_applicable(&self) -> bool {
        matches!(self.parsed.0, Parsed::NotApplicable)
    }
}

impl CountCell {
    pub fn from_count(n: u64) -> Self {
        Cell::new(&n.to_string())
    }

    /// The value used in sums: an empty or invalid cell contributes nothing (it is flagged on its
    /// own, so a sum rule need not report it twice).
    pub fn count_or_zero(&self) -> u64 {
        self.value().copied().unwrap_or(0)
    }

    /// A stated total as a sum rule holds it against its parts: its number, or 0 for "/"
    /// (不适用 means none happened, so parts that add up to more contradict it).
    pub fn stated(&self) -> Option<u64> {
        match self.parsed() {
            Parsed::Value(v) => Some(*v),
            Parsed::NotApplicable => Some(0),
            _ => None,
        }
    }

    /// How a sum rule prints the cell: its number, or the mark as printed ("“/”（不适用）").
    pub fn shown(&self) -> String {
        match self.parsed() {
            Parsed::NotApplicable => format!("“{}”（不适用）", self.raw()),
            _ => self.count_or_zero().to_string(),
        }
    }
}

impl MoneyCell {
    /// The amount as printed in the report: exactly four decimals (805.5 → "805.5000").
    pub fn display_4dp(&self) -> Option<String> {
        self.value().map(|d| format_money(*d))
    }
}

/// Formats an amount in 万元 with exactly four decimals, rounding half away from zero (四舍五入).
pub fn format_money(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(4);
    r.to_string()
}

/// The largest count a cell takes: just under a trillion. The largest real counts (a province's
/// 行政处罚 decisions) are in the millions. With every cell bounded, a sum over all 175 cells of
/// table 三, or over 10,000 reports of a 汇总, stays far below both `u64::MAX` and the 2^53 up to
/// which a JavaScript number is exact.
pub const MAX_COUNT: u64 = 999_999_999_999;

/// Fees in 万元 must stay below this (in absolute value), for the same reason as [`MAX_COUNT`]:
/// sums of fees over many reports stay far inside `Decimal`'s range, so adding can never panic.
pub const MONEY_LIMIT: i64 = 1_000_000_000_000;

impl CellKind for Count {
    type Value = u64;
    fn parse(s: &str) -> Result<u64, CellIssue> {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return match s.parse::<u64>() {
                Ok(n) if n <= MAX_COUNT => Ok(n),
                _ => Err(CellIssue::Overflow),
            };
        }
        let d = parse_decimal_like(s)?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(CellIssue::Negative(d));
        }
        if !d.fract().is_zero() || s.contains('.') {
            return Err(CellIssue::Fraction(d));
        }
        // A plain "+5" or "-0" is harmless but unusual; accept its value.
        match u64::try_from(d) {
            Ok(n) if n <= MAX_COUNT => Ok(n),
            _ => Err(CellIssue::Overflow),
        }
    }
}

impl CellKind for Money {
    type Value = Decimal;
    fn parse(s: &str) -> Result<Decimal, CellIssue> {
        // Negative amounts and excess decimals are rule findings, not parse failures: the value is
        // still meaningful and the user sees exactly what is wrong with it.
        let d = parse_decimal_like(s)?;
        if d.abs() >= Decimal::from(MONEY_LIMIT) {
            return Err(CellIssue::Overflow);
        }
        Ok(d)
    }
}

fn parse_decimal_like(s: &str) -> Result<Decimal, CellIssue> {
    if s.chars().all(is_chinese_numeral) {
        return Err(CellIssue::ChineseNumeral);
    }
    let valid_chars = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ','));
    if !valid_chars || !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(CellIssue::NotNumber);
    }
    if s.contains(',') {
        let without: String = s.chars().filter(|&c| c != ',').collect();
        return match Decimal::from_str(&without) {
            Ok(d) => Err(CellIssue::ThousandsSeparator(d)),
            Err(_) => Err(CellIssue::NotNumber),
        };
    }
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    if digits > 28 {
        return Err(CellIssue::Overflow);
    }
    Decimal::from_str(s).map_err(|_| CellIssue::NotNumber)
}

/// A `char` array, not a `&str` searched for the char: `str::contains(char)` runs a substring
/// search for the char's bytes, far slower on every character of a text than a few compares.
const CHINESE_NUMERALS: [char; 29] = [
    '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿',
    '两', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾', '佰', '仟',
];

fn is_chinese_numeral(c: char) -> bool {
    CHINESE_NUMERALS.contains(&c)
}

/// Folds full-width digits and signs to ASCII and trims every kind of blank (ASCII, U+3000
/// ideographic space, non-breaking space), as text pasted from web pages and WPS carries them.
pub fn normalise(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}')
        .chars()
        .map(fold_width)
        .collect()
}

/// Full-width ASCII variants (U+FF01–FF5E) to their ASCII forms; ideographic space to space.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

impl<K: CellKind> Serialize for Cell<K> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de, K: CellKind> Deserialize<'de> for Cell<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Hand-written files may hold plain JSON numbers; the file format writes strings.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Int(u64),
            Neg(i64),
            Float(f64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(s) => s,
            Raw::Int(n) => n.to_string(),
            Raw::Neg(n) => n.to_string(),
            Raw::Float(f) if f.is_finite() => f.to_string(),
            Raw::Float(_) => {
                return Err(serde::de::Error::custom("单元格的数值不是有限数"));
            }
        };
        Ok(Cell::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(s: &str) -> CountCell {
        Cell::new(s)
    }

    #[test]
    fn plain_and_harmless_counts_normalise() {
        assert_eq!(count("91").value(), Some(&91));
        let c = count(" 7 ");
        assert_eq!((c.raw(), c.value()), ("7", Some(&7)));
        let c = count("１２");
        assert_eq!((c.raw(), c.value()), ("12", Some(&12)));
        let c = count("\u{3000}3\u{a0}");
        assert_eq!((c.raw(), c.value()), ("3", Some(&3)));
        assert!(count("   ").is_empty());
        assert_eq!(count("   ").raw(), "");
    }

    #[test]
    fn invalid_counts_keep_their_text() {
        for (text, issue) in [
            ("12a", CellIssue::NotNumber),
            ("一百", CellIssue::ChineseNumeral),
            ("-3", CellIssue::Negative(Decimal::from(-3))),
            ("1,234", CellIssue::ThousandsSeparator(Decimal::from(1234))),
            ("1.5", CellIssue::Fraction(Decimal::new(15, 1))),
            ("—+", CellIssue::NotNumber),
            ("///", CellIssue::NotNumber),
            ("1/2", CellIssue::NotNumber),
            ("5件", CellIssue::NotNumber),
            ("99999999999999999999999", CellIssue::Overflow),
            ("18446744073709551615", CellIssue::Overflow),
            ("1000000000000", CellIssue::Overflow),
            ("+1000000000000", CellIssue::Overflow),
        ] {
            let c = count(text);
            assert_eq!(c.raw(), text, "raw text of {text:?} must be kept");
            assert_eq!(c.parsed(), &Parsed::Invalid(issue), "{text:?}");
        }
    }

    #[test]
    fn slashes_and_dashes_are_not_applicable_kept_as_printed() {
        for text in ["/", "／", "-", "－", "—", "——", " – ", "\\", "--"] {
            let c = count(text);
            assert_eq!(c.parsed(), &Parsed::NotApplicable, "{text:?}");
            assert_eq!(c.raw(), text.trim(), "printed as it was");
            assert!(!c.is_empty() && c.value().is_none());
            assert_eq!(c.count_or_zero(), 0);
            assert!(MoneyCell::new(text).is_not_applicable());
        }
        // Read back from a file as it was written.
        let back: CountCell = serde_json::from_str("\"／\"").expect("json");
        assert!(back.is_not_applicable());
        assert_eq!(serde_json::to_string(&back).expect("json"), "\"／\"");
        // A minus sign with a number is a negative count, not a mark.
        assert!(matches!(count("-3").parsed(), Parsed::Invalid(_)));
    }

    #[test]
    fn counts_and_fees_are_bounded() {
        assert_eq!(count("999999999999").value(), Some(&MAX_COUNT));
        assert_eq!(
            MoneyCell::new("1000000000000").parsed(),
            &Parsed::Invalid(CellIssue::Overflow)
        );
        assert_eq!(
            MoneyCell::new("-1000000000000.5").parsed(),
            &Parsed::Invalid(CellIssue::Overflow)
        );
        assert!(MoneyCell::new("999999999999.9999").value().is_some());
    }

    #[test]
    fn money_keeps_scale_and_prints_four_decimals() {
        let m = MoneyCell::new("805.50");
        assert_eq!(m.value().map(|d| d.scale()), Some(2));
        assert_eq!(m.display_4dp().as_deref(), Some("805.5000"));
        assert_eq!(
            MoneyCell::new("4351.7195").display_4dp().as_deref(),
            Some("4351.7195")
        );
        assert_eq!(MoneyCell::new("0").display_4dp().as_deref(), Some("0.0000"));
        assert_eq!(format_money(Decimal::new(123455, 5)), "1.2346");
        assert_eq!(
            MoneyCell::new("-1.5").value(),
            Some(&Decimal::new(-15, 1)),
            "negative money parses; the rule flags it"
        );
        assert_eq!(
            MoneyCell::new("８０５．５").display_4dp().as_deref(),
            Some("805.5000")
        );
    }

    #[test]
    fn json_round_trip_keeps_raw_text() {
        let c: CountCell = serde_json::from_str("\"12a\"").expect("string cell");
        assert_eq!(serde_json::to_string(&c).expect("ser"), "\"12a\"");
        let c: CountCell = serde_json::from_str("42").expect("number cell");
        assert_eq!(c.value(), Some(&42));
    }
}
