//! Table rows whose numbers ran together into one run of digits ("713000074" for
//! 71 | 3 | 0 | 0 | 0 | 0 | 74), as some PDF-to-text tools and pages stripped of their tags leave
//! them.
//!
//! A run is read only where it can be read one way. Printed counts have no leading zeros ("0" is a
//! cell, "07" is not), no cell exceeds the core's 12 digits, and where the row has a total (表三's
//! 总计, 表四's 总计 of each group) the total must equal the sum of the cells before it. Every split
//! the search finds satisfies all of that; the caller decodes the row only when exactly one split
//! is left, after its table's identities between rows have had their say. The search is exhaustive
//! (the true split of a consistent row is always among those found) and bounded: a hostile run
//! stops after [`MAX_STEPS`] and is flagged, never guessed.

use nianbao_core::cell::fold_width;
use nianbao_core::cell::MAX_COUNT;

/// A count has at most this many digits ([`MAX_COUNT`]).
const MAX_DIGITS: usize = 12;
/// Search steps before giving up on a run: a row of a real report needs a few hundred.
pub const MAX_STEPS: usize = 200_000;
/// More splits than this are as good as none: the table's identities will not pick one.
pub const MAX_SPLITS: usize = 32;

/// A group of adjacent cells in a row: `cells` cells, the last of which is the sum of the others
/// when `total` is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub cells: usize,
    pub total: bool,
}

/// What a run can be read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Splits {
    /// Every split found (none, one, or a few): each a cell list of the row's width.
    Found(Vec<Vec<u64>>),
    /// Too many splits, or too much searching, to tell.
    Undecidable,
}

/// The digits of a cell that may be a run: ASCII or full-width digits only, at least `min` of
/// them. Anything else (a decimal point, a comma, a minus) is not a run.
pub fn as_run(cell: &str, min: usize) -> Option<String> {
    let folded: String = cell.chars().map(fold_width).collect();
    (folded.len() >= min.max(2) && folded.bytes().all(|b| b.is_ascii_digit())).then_some(folded)
}

/// Every way `run` reads as cells laid out in `groups`.
pub fn splits(run: &str, groups: &[Group]) -> Splits {
    let width: usize = groups.iter().map(|g| g.cells).sum();
    let digits = run.as_bytes();
    if width == 0
        || !digits.iter().all(u8::is_ascii_digit)
        || digits.len() < width
        || digits.len() > width * MAX_DIGITS
    {
        return Splits::Found(Vec::new());
    }
    let mut s = Search {
        digits,
        groups,
        width,
        steps: 0,
        cells: Vec::with_capacity(width),
        found: Vec::new(),
    };
    match s.go(0, 0, 0, 0) {
        Ok(()) => Splits::Found(s.found),
        Err(GaveUp) => Splits::Undecidable,
    }
}

struct GaveUp;

struct Search<'a> {
    digits: &'a [u8],
    groups: &'a [Group],
    width: usize,
    steps: usize,
    cells: Vec<u64>,
    found: Vec<Vec<u64>>,
}

impl Search<'_> {
    /// Places the cells from `pos` on: `group` is the group being filled, `in_group` how many of
    /// its cells are placed, `sum` their sum.
    fn go(&mut self, pos: usize, group: usize, in_group: usize, sum: u64) -> Result<(), GaveUp> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(GaveUp);
        }
        let Some(g) = self.groups.get(group) else {
            if pos == self.digits.len() {
                self.found.push(self.cells.clone());
                if self.found.len() > MAX_SPLITS {
                    return Err(GaveUp);
                }
            }
            return Ok(());
        };
        if in_group == g.cells {
            return self.go(pos, group + 1, 0, 0);
        }
        let rest = &self.digits[pos..];
        // Cells still to place after this one, at 1 to 12 digits each.
        let after = self.width - self.cells.len() - 1;
        if g.total && in_group + 1 == g.cells {
            // The total is not chosen: it is the sum, printed, or this is no split.
            if sum > MAX_COUNT {
                return Ok(());
            }
            let printed = sum.to_string();
            if rest.starts_with(printed.as_bytes()) && rest.len() - printed.len() >= after {
                self.cells.push(sum);
                let r = self.go(pos + printed.len(), group, in_group + 1, 0);
                self.cells.pop();
                r?;
            }
            return Ok(());
        }
        for len in 1..=MAX_DIGITS.min(rest.len()) {
            if rest[0] == b'0' && len > 1 {
                break;
            }
            let left = rest.len() - len;
            if left < after {
                break;
            }
            if left > after * MAX_DIGITS {
                continue;
            }
            let value = rest[..len]
                .iter()
                .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
            self.cells.push(value);
            let r = self.go(pos + len, group, in_group + 1, sum + value);
            self.cells.pop();
            r?;
        }
        Ok(())
    }
}

/// A row that lost one number: every place the missing cell could have stood, its value given by
/// the group's total (a part is the total less the others; a total is the sum), kept where every
/// group then adds up. Returns the distinct readings: one when they all agree cell by cell — as
/// for a row of zeros, where whichever cell is missing is 0 too — or when only one place fits.
pub fn missing_one(found: &[u64], groups: &[Group]) -> Vec<Vec<u64>> {
    let width: usize = groups.iter().map(|g| g.cells).sum();
    if found.len() + 1 != width || !groups.iter().all(|g| g.total) {
        return Vec::new();
    }
    let mut readings: Vec<Vec<u64>> = Vec::new();
    for gap in 0..width {
        let mut row: Vec<Option<u64>> = found.iter().copied().map(Some).collect();
        row.insert(gap, None);
        let mut start = 0;
        let mut fits = true;
        for g in groups {
            let cells = &mut row[start..start + g.cells];
            let (parts, total) = cells.split_at_mut(g.cells - 1);
            let known: u64 = parts.iter().flatten().sum();
            match (parts.iter().position(Option::is_none), total[0]) {
                (None, None) => total[0] = Some(known),
                (Some(i), Some(t)) if t >= known => parts[i] = Some(t - known),
                (None, Some(t)) => fits &= t == known,
                _ => fits = false,
            }
            start += g.cells;
        }
        let row: Vec<u64> = row.into_iter().flatten().collect();
        if fits && row.len() == width && !readings.contains(&row) {
            readings.push(row);
        }
    }
    readings
}

/// A printed count: digits (full-width too), no leading zero, at most 12 of them.
pub fn as_count(cell: &str) -> Option<u64> {
    let digits: String = cell.chars().map(fold_width).collect();
    let canonical = digits == "0" || !digits.starts_with('0');
    (canonical
        && !digits.is_empty()
        && digits.len() <= MAX_DIGITS
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then(|| digits.parse().ok())
    .flatten()
}

/// 表三's row: six applicant columns and their 总计.
pub const REQUEST_ROW: [Group; 1] = [Group {
    cells: 7,
    total: true,
}];
/// 表四: three groups of 维持, 纠正, 其他, 尚未审结 and their 总计.
pub const REVIEW_ROW: [Group; 3] = [Group {
    cells: 5,
    total: true,
}; 3];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(run: &str, groups: &[Group]) -> Vec<Vec<u64>> {
        match splits(run, groups) {
            Splits::Found(f) => f,
            Splits::Undecidable => panic!("undecidable: {run}"),
        }
    }

    #[test]
    fn the_issues_example_has_one_split() {
        assert_eq!(
            found("713000074", &REQUEST_ROW),
            vec![vec![71, 3, 0, 0, 0, 0, 74]]
        );
    }

    #[test]
    fn zeros_are_single_cells() {
        assert_eq!(found("0000000", &REQUEST_ROW), vec![vec![0; 7]]);
        // "07" is no printed count, so a row whose total disagrees has no split.
        assert_eq!(found("0000007", &REQUEST_ROW), Vec::<Vec<u64>>::new());
    }

    #[test]
    fn ambiguous_runs_list_every_split() {
        // 1 | 10 | 0 | 0 | 0 | 0 | 11 and 11 | 0 | 0 | 0 | 0 | 0 | 11 print alike.
        let f = found("110000011", &REQUEST_ROW);
        assert!(f.contains(&vec![1, 10, 0, 0, 0, 0, 11]), "{f:?}");
        assert!(f.contains(&vec![11, 0, 0, 0, 0, 0, 11]), "{f:?}");
    }

    #[test]
    fn groups_without_a_total_split_only_when_the_digits_allow_one_way() {
        let plain = [Group {
            cells: 3,
            total: false,
        }];
        assert_eq!(found("000", &plain), vec![vec![0, 0, 0]]);
        assert_eq!(found("1005", &plain), vec![vec![10, 0, 5]]);
        assert_eq!(found("1234", &plain).len(), 3);
    }

    #[test]
    fn table_four_reads_three_groups() {
        assert_eq!(
            found("201140400410012", &REVIEW_ROW),
            vec![vec![2, 0, 1, 1, 4, 0, 4, 0, 0, 4, 1, 0, 0, 1, 2]]
        );
    }

    #[test]
    fn a_row_that_lost_one_number() {
        // Zeros: whichever cell is missing, it is 0 too.
        assert_eq!(missing_one(&[0; 6], &REQUEST_ROW), vec![vec![0; 7]]);
        assert_eq!(missing_one(&[0; 14], &REVIEW_ROW), vec![vec![0; 15]]);
        // 5 | 0 | … | 5 with a cell lost: 0 | 5 | … | 5, 5 | 0 | … | 5, or the total 10.
        assert_eq!(missing_one(&[5, 0, 0, 0, 0, 5], &REQUEST_ROW).len(), 3);
        // Only the total can be missing where the parts exceed the last number.
        assert_eq!(
            missing_one(&[9, 0, 0, 0, 0, 5], &REQUEST_ROW),
            vec![vec![9, 0, 0, 0, 0, 5, 14]]
        );
        assert_eq!(missing_one(&[0; 5], &REQUEST_ROW), Vec::<Vec<u64>>::new());
        assert_eq!(as_count("07"), None);
        assert_eq!(as_count("０"), Some(0));
        assert_eq!(as_count("1234567890123"), None);
    }

    #[test]
    fn hostile_runs_end_quickly() {
        let long = "1".repeat(84);
        assert!(matches!(
            splits(&long, &REQUEST_ROW),
            Splits::Found(_) | Splits::Undecidable
        ));
        assert_eq!(
            splits(&"9".repeat(85), &REQUEST_ROW),
            Splits::Found(Vec::new())
        );
        assert_eq!(as_run("12.5", 2), None);
        assert_eq!(as_run("１２３", 2).as_deref(), Some("123"));
    }

    fn count() -> impl proptest::strategy::Strategy<Value = u64> {
        use proptest::prelude::*;
        prop_oneof![
            6 => Just(0u64),
            4 => 1u64..10,
            2 => 10u64..1000,
            // Six of these stay below the 12 digits a total may have.
            1 => 1000u64..100_000_000_000,
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The search is exhaustive (the true split is always found, or the search gives up)
        /// and a single split is the true one: a run is never decoded wrong.
        #[test]
        fn a_consistent_row_is_found_and_never_misread(parts in proptest::collection::vec(count(), 6)) {
            let mut row = parts.clone();
            row.push(parts.iter().sum());
            let run: String = row.iter().map(u64::to_string).collect();
            match splits(&run, &REQUEST_ROW) {
                Splits::Found(found) => {
                    proptest::prop_assert!(found.contains(&row), "{run}: {found:?}");
                    if found.len() == 1 {
                        proptest::prop_assert_eq!(&found[0], &row);
                    }
                }
                Splits::Undecidable => {}
            }
        }

        #[test]
        fn table_four_rows_too(parts in proptest::collection::vec(count(), 12)) {
            let row: Vec<u64> = parts
                .chunks(4)
                .flat_map(|g| g.iter().copied().chain([g.iter().sum()]))
                .collect();
            let run: String = row.iter().map(u64::to_string).collect();
            if let Splits::Found(found) = splits(&run, &REVIEW_ROW) {
                proptest::prop_assert!(found.contains(&row), "{run}: {found:?}");
            }
        }
    }
}
