//! `stats/scans.csv`: the monthly scans of each code that `ditich stats --publish` keeps in the
//! project, committed like `plaques.toml`, and that the next build publishes as open data.
//!
//! It holds counts only: `period,id,scans,visitors`, one row per month and code with scans,
//! by month then code, so a new month adds lines at the end and a commit shows just those.
//! No address and no user agent is ever kept. Logs are rotated away, so each run merges into
//! what is there: the months its logs cover are replaced by the new counts, and every other
//! month is kept as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::count::{Month, Period, Stats};
use crate::diagnostic::{Diagnostic, Location};

/// Where the counts are kept, from the project's root.
pub const FILE: &str = "stats/scans.csv";

const HEADER: [&str; 4] = ["period", "id", "scans", "visitors"];

/// One code's scans in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub month: Month,
    /// As printed on the plaque, in capitals.
    pub id: String,
    pub scans: u64,
    /// Estimated distinct visitors; never more than the scans.
    pub visitors: u64,
}

/// The kept counts, or `None` when the project has none yet. Any line that is not a month, a
/// code and two counts stops the build with its line: a hand edit must not publish guesses.
pub fn read(root: &Path) -> Result<Option<Vec<Row>>, Diagnostic> {
    let path = root.join(FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(Diagnostic::error(crate::text!(
                "scans-unreadable",
                reason = err.to_string()
            ))
            .in_file(Path::new(FILE)));
        }
    };
    let text = crate::read::text::decode(Path::new(FILE), &bytes)?;
    parse(&text).map(Some)
}

fn parse(text: &str) -> Result<Vec<Row>, Diagnostic> {
    let wrong = |line: u64, message: crate::i18n::Text| {
        Diagnostic::error(message)
            .in_file(Path::new(FILE))
            .at(Location::of_line(text, line as usize))
            .help(crate::text!("scans-wrong-help", file = FILE))
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|err| {
            let line = err.position().map_or(index as u64 + 1, |p| p.line());
            wrong(
                line,
                crate::text!("scans-not-csv", reason = err.to_string()),
            )
        })?;
        let line = record.position().map_or(index as u64 + 1, |p| p.line());
        if index == 0 {
            if record.iter().map(str::trim).ne(HEADER) {
                return Err(wrong(
                    line,
                    crate::text!("scans-header", header = HEADER.join(",")),
                ));
            }
            continue;
        }
        if record.len() != HEADER.len() {
            return Err(wrong(
                line,
                crate::text!("scans-columns", count = record.len()),
            ));
        }
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let month = month(field(0))
            .ok_or_else(|| wrong(line, crate::text!("scans-month", value = field(0))))?;
        let id = field(1).to_ascii_uppercase();
        if id.is_empty() {
            return Err(wrong(line, crate::text!("scans-id-missing")));
        }
        let count = |i: usize| {
            field(i).parse::<u64>().map_err(|_| {
                wrong(
                    line,
                    crate::text!("scans-count", column = HEADER[i], value = field(i)),
                )
            })
        };
        let (scans, visitors) = (count(2)?, count(3)?);
        if visitors > scans {
            return Err(wrong(
                line,
                crate::text!("scans-more-visitors", scans = scans, visitors = visitors),
            ));
        }
        if !seen.insert((month, id.clone())) {
            return Err(wrong(
                line,
                crate::text!("scans-twice", id = id.as_str(), period = month.to_string()),
            ));
        }
        rows.push(Row {
            month,
            id,
            scans,
            visitors,
        });
    }
    rows.sort_by(|a, b| (a.month, &a.id).cmp(&(b.month, &b.id)));
    Ok(rows)
}

/// `2026-03`, a month of a year from 2000.
fn month(text: &str) -> Option<Month> {
    let (year, month) = text.split_once('-')?;
    let (year, month) = (year.parse().ok()?, month.parse().ok()?);
    (year >= 2000 && (1..=12).contains(&month) && text.len() == 7).then_some(Month { year, month })
}

/// `kept` with the months that `stats` read lines from replaced by its counts.
pub fn merge(kept: Vec<Row>, stats: &Stats) -> Vec<Row> {
    let mut rows: BTreeMap<(Month, String), Row> = kept
        .into_iter()
        .filter(|row| !stats.months_read.contains(&row.month))
        .map(|row| ((row.month, row.id.clone()), row))
        .collect();
    for row in &stats.by_month {
        let Period::Month(month) = row.period else {
            continue;
        };
        let id = stats.relics[row.relic].id.to_ascii_uppercase();
        rows.insert(
            (month, id.clone()),
            Row {
                month,
                id,
                scans: row.count.scans,
                visitors: row.count.visitors,
            },
        );
    }
    rows.into_values().collect()
}

/// The file's bytes: the header, then the rows as given.
pub fn csv(rows: &[Row]) -> Vec<u8> {
    let mut text = HEADER.join(",");
    text.push('\n');
    for row in rows {
        text.push_str(&format!(
            "{},{},{},{}\n",
            row.month, row.id, row.scans, row.visitors
        ));
    }
    text.into_bytes()
}

/// Writes the counts to `root/stats/scans.csv` by renaming a finished copy over it, so an
/// interrupted run leaves the old counts whole.
pub fn save(root: &Path, rows: &[Row]) -> std::io::Result<()> {
    let path = root.join(FILE);
    let dir = path.parent().expect("the file is in a folder");
    std::fs::create_dir_all(dir)?;
    crate::write::durably(&dir.join(".scans.csv.partial"), &csv(rows), &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_as_written() {
        let text = "period,id,scans,visitors\n2026-03,DT01,12,9\n2026-02,dt02,3,3\n";
        let rows = parse(text).unwrap();
        assert_eq!(rows[0].month.to_string(), "2026-02");
        assert_eq!(rows[0].id, "DT02");
        assert_eq!(
            String::from_utf8(csv(&rows)).unwrap(),
            "period,id,scans,visitors\n2026-02,DT02,3,3\n2026-03,DT01,12,9\n"
        );
    }

    #[test]
    fn a_wrong_line_is_named() {
        for (text, line) in [
            ("period,id,scans\n", 1),
            ("period,id,scans,visitors\n2026-3,DT01,1,1\n", 2),
            (
                "period,id,scans,visitors\n2026-03,DT01,1,1\n2026-04,DT01,nhiều,1\n",
                3,
            ),
            ("period,id,scans,visitors\n2026-03,DT01,1,2\n", 2),
            (
                "period,id,scans,visitors\n2026-03,DT01,1,1\n2026-03,dt01,2,2\n",
                3,
            ),
            ("period,id,scans,visitors\n2026-03,,1,1\n", 2),
            ("period,id,scans,visitors\n2026-03,DT01,1\n", 2),
        ] {
            let problem = parse(text).unwrap_err();
            assert_eq!(
                problem.location.as_ref().map(|l| l.line),
                Some(line),
                "{text:?}: {problem:?}"
            );
        }
    }
}
