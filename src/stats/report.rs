//! The counts as people read them (a table) and as spreadsheets read them (CSV).

use std::fmt::Write as _;

use super::count::{By, Count, Stats};

/// Says how visitors are counted, under every table.
fn visitors_note() -> String {
    crate::text!("stats-visitors-note").to_string()
}

/// A plain-text table: one row per relic and period with scans, a total row per relic (every
/// relic, scanned or not), then the whole site per period and in total.
pub fn table(stats: &Stats, by: By) -> String {
    let period_heading = match by {
        By::Day => crate::text!("stats-day"),
        By::Month => crate::text!("stats-month"),
    };
    let word = |text: crate::i18n::Text| text.to_string();
    let mut rows: Vec<[String; 5]> = vec![[
        word(crate::text!("stats-id")),
        word(crate::text!("stats-relic")),
        word(period_heading),
        word(crate::text!("stats-scans")),
        word(crate::text!("stats-visitors")),
    ]];
    let (total, all) = (
        word(crate::text!("stats-total")),
        word(crate::text!("stats-all")),
    );
    let cells = |id: &str, name: &str, period: String, count: Count| {
        [
            id.to_owned(),
            name.to_owned(),
            period,
            count.scans.to_string(),
            count.visitors.to_string(),
        ]
    };
    let mut periods = stats.rows(by).iter().peekable();
    for (index, relic) in stats.relics.iter().enumerate() {
        while let Some(row) = periods.next_if(|row| row.relic == index) {
            rows.push(cells(
                &relic.id,
                &relic.name,
                row.period.to_string(),
                row.count,
            ));
        }
        rows.push(cells(
            &relic.id,
            &relic.name,
            total.clone(),
            stats.totals[index],
        ));
    }
    for (period, count) in stats.site_rows(by) {
        rows.push(cells("", &all, period.to_string(), *count));
    }
    rows.push(cells("", &all, total, stats.site));

    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [0, 1, 2, 3, 4].map(width);
    let mut text = String::new();
    for row in &rows {
        let mut line = String::new();
        for (column, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[column] - cell.chars().count());
            // Words to the left, numbers to the right.
            if column < 3 {
                let _ = write!(line, "{cell}{pad}  ");
            } else {
                let _ = write!(line, "{pad}{cell}  ");
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&visitors_note());
    text.push('\n');
    text
}

/// `period,id,name,scans,visitors`, one row per relic and period with scans, by id then period.
/// Totals are left out, so that a column's sum is the total scans.
pub fn csv(stats: &Stats, by: By) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["period", "id", "name", "scans", "visitors"])?;
    for row in stats.rows(by) {
        let relic = &stats.relics[row.relic];
        writer.write_record([
            row.period.to_string().as_str(),
            &relic.id,
            &relic.name,
            &row.count.scans.to_string(),
            &row.count.visitors.to_string(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|err| csv::Error::from(err.into_error()))
}
