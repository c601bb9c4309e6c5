//! Aggregation: every line of every log sorted into scans, bot hits, unknown codes, other
//! requests and malformed lines, and scans tallied per relic and day, per relic and month, per
//! relic and for the whole site.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::BufRead;

use super::catalogue::{Catalogue, Relic};
use super::landing;
use super::parse::{self, Request};
use super::read::{Line, Lines};
use super::visitors::{VisitorKey, Visitors};
use crate::model::Date;

/// A calendar month: `2026-03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    pub month: u8,
}

impl From<Date> for Month {
    fn from(date: Date) -> Month {
        Month {
            year: date.year,
            month: date.month,
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What a report row covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Day(Date),
    Month(Month),
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(date) => date.fmt(f),
            Period::Month(month) => month.fmt(f),
        }
    }
}

/// How long each row's period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Day,
    Month,
}

/// Scans and the estimated distinct visitors behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub scans: u64,
    pub visitors: u64,
}

/// A line that was not counted, to show as an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The log as the user named it.
    pub file: String,
    /// From 1.
    pub line: u64,
    pub reason: String,
}

/// What happened to the lines, all logs together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    /// Lines read, blank ones aside.
    pub lines: u64,
    /// Successful GET or HEAD requests of a relic's landing page by a person.
    pub scans: u64,
    /// Requests of a landing page by a user agent that says it is a bot, crawler, spider or
    /// link preview.
    pub bots: u64,
    /// GET or HEAD requests of a landing page whose code no relic has, whatever the answer.
    pub unknown_codes: u64,
    /// Everything else: other pages, other methods, failed requests.
    pub other: u64,
    pub malformed: u64,
    pub first_malformed: Option<Place>,
    /// Logs that ended with a read error, such as a gzip file cut short: what was read before
    /// is counted.
    pub cut_short: Vec<Place>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let read = crate::text!(
            "stats-read",
            lines = self.lines,
            files = self.files,
            scans = self.scans,
            bots = self.bots,
            unknown = self.unknown_codes,
            other = self.other,
            malformed = self.malformed
        );
        write!(f, "{read}")?;
        if let Some(place) = &self.first_malformed {
            let first = crate::text!(
                "stats-first-malformed",
                file = &place.file,
                line = place.line,
                reason = &place.reason
            );
            write!(f, "{first}")?;
        }
        for place in &self.cut_short {
            let cut = crate::text!(
                "stats-cut-short",
                file = &place.file,
                line = place.line,
                reason = &place.reason
            );
            let warning = crate::diagnostic::Severity::Warning.label();
            write!(f, "\n{warning}: {cut}")?;
        }
        Ok(())
    }
}

#[derive(Default, Clone)]
struct Tally {
    scans: u64,
    visitors: Visitors,
}

impl Tally {
    fn add(&mut self, visitor: u64) {
        self.scans += 1;
        self.visitors.insert(visitor);
    }

    fn count(&mut self) -> Count {
        Count {
            scans: self.scans,
            // Each scan has one visitor: an estimate above the scans is the sketch's error.
            visitors: self.visitors.estimate().min(self.scans),
        }
    }
}

/// Reads logs and tallies their scans.
pub struct Counter {
    catalogue: Catalogue,
    key: VisitorKey,
    days: BTreeMap<(usize, Date), Tally>,
    months: BTreeMap<(usize, Month), Tally>,
    relics: Vec<Tally>,
    site_days: BTreeMap<Date, Tally>,
    site_months: BTreeMap<Month, Tally>,
    site: Tally,
    months_read: BTreeSet<Month>,
    summary: Summary,
}

/// What a line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A scan of the relic at this index.
    Scan(usize),
    Bot,
    UnknownCode,
    Other,
}

/// Substrings of a user agent, in lower case, that mark it as no person's browser.
const BOT_MARKS: [&[u8]; 4] = [b"bot", b"crawler", b"spider", b"preview"];

fn is_bot(user_agent: &str) -> bool {
    let agent = user_agent.as_bytes();
    BOT_MARKS.iter().any(|mark| {
        agent
            .windows(mark.len())
            .any(|window| window.eq_ignore_ascii_case(mark))
    })
}

impl Counter {
    pub fn new(catalogue: Catalogue, key: VisitorKey) -> Counter {
        let relics = vec![Tally::default(); catalogue.relics.len()];
        Counter {
            catalogue,
            key,
            days: BTreeMap::new(),
            months: BTreeMap::new(),
            relics,
            site_days: BTreeMap::new(),
            site_months: BTreeMap::new(),
            site: Tally::default(),
            months_read: BTreeSet::new(),
            summary: Summary::default(),
        }
    }

    /// Reads one log to its end. `file` is the name the summary gives it. A read error ends the
    /// log but not the count: it is noted in the summary, and the lines before it stay counted;
    /// the line it interrupted is left out, since its end may be missing.
    pub fn read(&mut self, file: &str, reader: impl BufRead) {
        self.summary.files += 1;
        let mut lines = Lines::new(reader);
        let mut number = 0;
        loop {
            match lines.next_line() {
                Ok(None) => break,
                Ok(Some(line)) => {
                    number += 1;
                    match line {
                        Line::Text(bytes) => self.line(file, number, bytes),
                        Line::TooLong => {
                            self.summary.lines += 1;
                            self.malformed(file, number, "longer than any log line");
                        }
                    }
                }
                Err(err) => {
                    self.summary.cut_short.push(Place {
                        file: file.to_owned(),
                        line: number,
                        reason: err.to_string(),
                    });
                    break;
                }
            }
        }
    }

    /// Counts one line, `number` from 1, without its line break.
    pub fn line(&mut self, file: &str, number: u64, bytes: &[u8]) {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        self.summary.lines += 1;
        let Ok(text) = std::str::from_utf8(bytes) else {
            return self.malformed(file, number, "not UTF-8 text");
        };
        let entry = match parse::line(text) {
            Ok(entry) => entry,
            Err(err) => return self.malformed(file, number, err.0),
        };
        // A month is covered by lines of this guide's site, not by another site's in a shared
        // log: those must not replace the counts kept for it.
        if let Request::Line { target, .. } = entry.request
            && target.starts_with(self.catalogue.base_path.as_str())
        {
            self.months_read.insert(entry.date.into());
        }
        let relic = match self.classify(&entry) {
            Kind::Scan(relic) => relic,
            Kind::Bot => return self.summary.bots += 1,
            Kind::UnknownCode => return self.summary.unknown_codes += 1,
            Kind::Other => return self.summary.other += 1,
        };
        self.summary.scans += 1;
        let visitor = self
            .key
            .visitor(entry.host, entry.user_agent.unwrap_or_default());
        self.days
            .entry((relic, entry.date))
            .or_default()
            .add(visitor);
        self.months
            .entry((relic, entry.date.into()))
            .or_default()
            .add(visitor);
        self.relics[relic].add(visitor);
        self.site_days.entry(entry.date).or_default().add(visitor);
        self.site_months
            .entry(entry.date.into())
            .or_default()
            .add(visitor);
        self.site.add(visitor);
    }

    fn classify(&self, entry: &parse::Entry<'_>) -> Kind {
        let Request::Line { method, target } = entry.request else {
            return Kind::Other;
        };
        let Some(code) = landing::code(target, &self.catalogue.base_path) else {
            return Kind::Other;
        };
        if entry.user_agent.is_some_and(is_bot) {
            return Kind::Bot;
        }
        if !matches!(method, "GET" | "HEAD") {
            return Kind::Other;
        }
        let Some(relic) = self.catalogue.relic(&code) else {
            return Kind::UnknownCode;
        };
        match entry.status {
            200..=299 => Kind::Scan(relic),
            // `q/dt01` is answered by a redirect to `q/dt01/`: count the request that follows.
            301 | 302 | 303 | 307 | 308 if landing::lacks_final_slash(target) => Kind::Other,
            300..=399 => Kind::Scan(relic),
            _ => Kind::Other,
        }
    }

    fn malformed(&mut self, file: &str, number: u64, reason: &str) {
        self.summary.malformed += 1;
        self.summary.first_malformed.get_or_insert_with(|| Place {
            file: file.to_owned(),
            line: number,
            reason: reason.to_owned(),
        });
    }

    /// The counts, with every estimate made.
    pub fn finish(mut self) -> Stats {
        let by_day = rows(&mut self.days, Period::Day);
        let by_month = rows(&mut self.months, Period::Month);
        Stats {
            site_by_day: site_rows(&mut self.site_days, Period::Day),
            site_by_month: site_rows(&mut self.site_months, Period::Month),
            first_day: self.site_days.keys().next().copied(),
            last_day: self.site_days.keys().next_back().copied(),
            totals: self.relics.iter_mut().map(Tally::count).collect(),
            site: self.site.count(),
            by_day,
            by_month,
            months_read: self.months_read,
            title: self.catalogue.title,
            relics: self.catalogue.relics,
            summary: self.summary,
        }
    }
}

fn rows<T: Copy>(tallies: &mut BTreeMap<(usize, T), Tally>, period: fn(T) -> Period) -> Vec<Row> {
    tallies
        .iter_mut()
        .map(|(&(relic, at), tally)| Row {
            relic,
            period: period(at),
            count: tally.count(),
        })
        .collect()
}

fn site_rows<T: Copy>(
    tallies: &mut BTreeMap<T, Tally>,
    period: fn(T) -> Period,
) -> Vec<(Period, Count)> {
    tallies
        .iter_mut()
        .map(|(&at, tally)| (period(at), tally.count()))
        .collect()
}

/// One relic in one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index in [`Stats::relics`].
    pub relic: usize,
    pub period: Period,
    pub count: Count,
}

/// The finished counts: plain numbers, nothing left that was made from an address.
#[derive(Debug, Clone)]
pub struct Stats {
    /// The guide's name, for titles.
    pub title: String,
    /// Every relic of the site, by id, scanned or not.
    pub relics: Vec<Relic>,
    /// Sorted by relic id, then day; only days with scans.
    pub by_day: Vec<Row>,
    /// Sorted by relic id, then month; only months with scans.
    pub by_month: Vec<Row>,
    /// Each relic's count over every log, in the order of `relics`.
    pub totals: Vec<Count>,
    /// The whole site per day with scans, by day.
    pub site_by_day: Vec<(Period, Count)>,
    /// The whole site per month with scans, by month.
    pub site_by_month: Vec<(Period, Count)>,
    /// The whole site: a visitor who scanned two relics is one visitor here.
    pub site: Count,
    /// The first and last day with a scan.
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    /// The months of every request to the guide's site, scan or not: the logs cover these.
    pub months_read: BTreeSet<Month>,
    pub summary: Summary,
}

impl Stats {
    pub fn rows(&self, by: By) -> &[Row] {
        match by {
            By::Day => &self.by_day,
            By::Month => &self.by_month,
        }
    }

    pub fn site_rows(&self, by: By) -> &[(Period, Count)] {
        match by {
            By::Day => &self.site_by_day,
            By::Month => &self.site_by_month,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> Counter {
        let relics = ["DT01", "DT02"]
            .map(|id| Relic {
                id: id.to_owned(),
                name: format!("Relic {id}"),
            })
            .to_vec();
        Counter::new(
            Catalogue::new("/du-lich/", "Test", relics, &[]),
            VisitorKey::fixed([1; 32]),
        )
    }

    fn hit(request: &str, status: u16, agent: &str) -> String {
        format!(
            r#"192.0.2.1 - - [14/Mar/2026:08:05:09 +0700] "{request}" {status} 10 "-" "{agent}""#
        )
    }

    fn kind_of(line: &str) -> Summary {
        let mut counter = counter();
        counter.line("log", 1, line.as_bytes());
        counter.finish().summary
    }

    #[test]
    fn each_line_lands_in_one_bucket() {
        let scan = |request: &str, status| kind_of(&hit(request, status, "Mozilla")).scans;
        assert_eq!(scan("GET /du-lich/Q/DT01/ HTTP/1.1", 200), 1);
        assert_eq!(scan("HEAD /du-lich/q/dt02 HTTP/1.1", 200), 1);
        assert_eq!(scan("GET /du-lich/Q/DT01/ HTTP/1.1", 304), 1);
        assert_eq!(scan("GET /du-lich/Q/DT01/ HTTP/1.1", 302), 1);
        assert_eq!(scan("GET /du-lich/q/dt01 HTTP/1.1", 301), 0);
        assert_eq!(scan("GET /du-lich/Q/DT01/ HTTP/1.1", 404), 0);
        assert_eq!(scan("GET /du-lich/Q/DT01/ HTTP/1.1", 500), 0);
        assert_eq!(scan("POST /du-lich/Q/DT01/ HTTP/1.1", 200), 0);
        assert_eq!(scan("GET /du-lich/den-a/ HTTP/1.1", 200), 0);

        let bots = kind_of(&hit("GET /du-lich/Q/DT01/ HTTP/1.1", 200, "Googlebot/2.1"));
        assert_eq!((bots.bots, bots.scans), (1, 0));
        for agent in [
            "facebookexternalhit CRAWLER",
            "Baiduspider",
            "Slack Link PREVIEW",
        ] {
            assert_eq!(
                kind_of(&hit("GET /du-lich/Q/DT01/ HTTP/1.1", 200, agent)).bots,
                1
            );
        }
        let unknown = kind_of(&hit("GET /du-lich/Q/DT99/ HTTP/1.1", 404, "Mozilla"));
        assert_eq!((unknown.unknown_codes, unknown.other), (1, 0));
        let other = kind_of(&hit("GET /du-lich/ HTTP/1.1", 200, "Googlebot"));
        assert_eq!((other.other, other.bots), (1, 0));
    }

    #[test]
    fn malformed_lines_are_counted_with_the_first_as_example() {
        let mut counter = counter();
        counter.line("a.log", 1, b"");
        counter.line("a.log", 2, b"\xff\xfe junk");
        counter.line("a.log", 3, b"junk");
        let summary = counter.finish().summary;
        assert_eq!((summary.lines, summary.malformed), (2, 2));
        assert_eq!(
            summary.first_malformed,
            Some(Place {
                file: "a.log".to_owned(),
                line: 2,
                reason: "not UTF-8 text".to_owned()
            })
        );
    }

    #[test]
    fn scans_are_tallied_per_relic_day_month_and_site() {
        let mut counter = counter();
        let lines = [
            r#"192.0.2.1 - - [31/Mar/2026:08:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 1 "-" "A""#,
            r#"192.0.2.1 - - [31/Mar/2026:09:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 1 "-" "A""#,
            r#"192.0.2.2 - - [01/Apr/2026:08:00:00 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 1 "-" "A""#,
            r#"192.0.2.1 - - [01/Apr/2026:08:00:00 +0700] "GET /du-lich/q/dt02/ HTTP/1.1" 200 1 "-" "A""#,
        ];
        for (i, line) in lines.iter().enumerate() {
            counter.line("log", i as u64 + 1, line.as_bytes());
        }
        let stats = counter.finish();
        let month = |month| Period::Month(Month { year: 2026, month });
        let summary: Vec<(usize, Period, u64, u64)> = stats
            .by_month
            .iter()
            .map(|r| (r.relic, r.period, r.count.scans, r.count.visitors))
            .collect();
        assert_eq!(
            summary,
            vec![
                (0, month(3), 2, 1),
                (0, month(4), 1, 1),
                (1, month(4), 1, 1)
            ]
        );
        assert_eq!(stats.by_day.len(), 3);
        assert_eq!(
            stats.totals,
            vec![
                Count {
                    scans: 3,
                    visitors: 2
                },
                Count {
                    scans: 1,
                    visitors: 1
                }
            ]
        );
        assert_eq!(
            stats.site,
            Count {
                scans: 4,
                visitors: 2
            }
        );
        assert_eq!(stats.first_day.unwrap().to_string(), "2026-03-31");
        assert_eq!(stats.last_day.unwrap().to_string(), "2026-04-01");
    }
}
