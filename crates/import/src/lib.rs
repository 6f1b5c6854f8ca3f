//! Text importers (issue 3): text in, report and import findings out.
