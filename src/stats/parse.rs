//! One line of an access log → one [`Entry`], for the two formats nginx and Apache write by
//! default:
//!
//! ```text
//! common:   %h %l %u [%d/%b/%Y:%H:%M:%S %z] "%r" %>s %b
//! combined: %h %l %u [%d/%b/%Y:%H:%M:%S %z] "%r" %>s %b "%{Referer}i" "%{User-agent}i"
//! ```
//!
//! Fields a server adds after the user agent (nginx configurations often log
//! `"$http_x_forwarded_for"` there) are ignored. Quoted fields keep their escapes as written
//! (`\"` from Apache, `\x22` from nginx): nothing here needs them undone.

use std::fmt;

use crate::model::Date;

/// One request, borrowed from its line: nothing here outlives the line it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The client's address (`%h`): IPv4, IPv6 (`2001:db8::1`, bracketed or not) or, where the
    /// server looks names up, a host name.
    pub host: &'a str,
    /// The day in the server's local time: the date as written, before its offset.
    pub date: Date,
    pub request: Request<'a>,
    pub status: u16,
    /// Bytes sent; `None` for `-`, which Apache writes for an empty body.
    pub bytes: Option<u64>,
    /// The combined format's `Referer`; `None` for `-` and in the common format.
    pub referer: Option<&'a str>,
    /// The combined format's `User-Agent`; `None` for `-` and in the common format.
    pub user_agent: Option<&'a str>,
}

/// The request line (`%r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request<'a> {
    /// `GET /du-lich/Q/DT01/ HTTP/1.1`. The target is as sent: percent-encoded, with any query.
    Line { method: &'a str, target: &'a str },
    /// What a server logs for a request it could not read: `-`, TLS bytes sent to the plain
    /// HTTP port, a scanner's junk. The log line itself is sound.
    Invalid(&'a str),
}

/// Why a line is not a log line in either format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Malformed {}

/// Parses one line, without its line break.
pub fn line(line: &str) -> Result<Entry<'_>, Malformed> {
    let mut rest = Rest(line);
    let host = rest.token().ok_or(Malformed("no client address"))?;
    let _ident = rest.token().ok_or(Malformed("no identity field"))?;
    let _user = rest.token().ok_or(Malformed("no user field"))?;
    let date = rest
        .bracketed()
        .and_then(timestamp)
        .ok_or(Malformed("no [day/month/year:hh:mm:ss zone] timestamp"))?;
    let request = rest
        .quoted()
        .map(request)
        .ok_or(Malformed("no quoted request line"))?;
    let status = rest
        .token()
        .and_then(status)
        .ok_or(Malformed("no 3-digit status"))?;
    let bytes = match rest.token() {
        Some("-") => None,
        Some(size) if is_digits(size) => {
            Some(size.parse().map_err(|_| Malformed("size too large"))?)
        }
        _ => return Err(Malformed("no response size")),
    };
    let (referer, user_agent) = if rest.is_empty() {
        (None, None)
    } else {
        let referer = rest
            .quoted()
            .ok_or(Malformed("after the size, no quoted referer"))?;
        let agent = rest
            .quoted()
            .ok_or(Malformed("after the referer, no quoted user agent"))?;
        (dash_is_none(referer), dash_is_none(agent))
    };
    Ok(Entry {
        host,
        date,
        request,
        status,
        bytes,
        referer,
        user_agent,
    })
}

/// What is left of a line; each method takes one field off its front, with the spaces before it.
struct Rest<'a>(&'a str);

impl<'a> Rest<'a> {
    fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }

    fn skip_spaces(&mut self) {
        self.0 = self.0.trim_start_matches([' ', '\t']);
    }

    /// A field without spaces.
    fn token(&mut self) -> Option<&'a str> {
        self.skip_spaces();
        let end = self.0.find([' ', '\t']).unwrap_or(self.0.len());
        let (token, rest) = self.0.split_at(end);
        self.0 = rest;
        (!token.is_empty()).then_some(token)
    }

    /// `[…]`, without the brackets.
    fn bracketed(&mut self) -> Option<&'a str> {
        self.skip_spaces();
        let inner = self.0.strip_prefix('[')?;
        let end = inner.find(']')?;
        self.0 = &inner[end + 1..];
        Some(&inner[..end])
    }

    /// `"…"`, without the quotes; a backslash escapes the character after it.
    fn quoted(&mut self) -> Option<&'a str> {
        self.skip_spaces();
        let inner = self.0.strip_prefix('"')?;
        let mut escaped = false;
        for (i, c) in inner.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    self.0 = &inner[i + 1..];
                    return Some(&inner[..i]);
                }
                _ => {}
            }
        }
        None
    }
}

/// `10/Oct/2025:13:55:36 +0700` → its date. Every part is checked, so that a line that only
/// looks like a log line is not counted.
fn timestamp(text: &str) -> Option<Date> {
    let (moment, zone) = text.split_once(' ')?;
    let [day, month, rest] = split3(moment, '/')?;
    let (year, time) = rest.split_once(':')?;
    let [hour, minute, second] = split3(time, ':')?;
    let two = |s: &str, max: u8| {
        (s.len() == 2 && is_digits(s))
            .then(|| s.parse::<u8>().ok())?
            .filter(|n| *n <= max)
    };
    two(hour, 23)?;
    two(minute, 59)?;
    two(second, 60)?;
    let (sign, offset) = zone.split_at_checked(1)?;
    if !matches!(sign, "+" | "-") || offset.len() != 4 || !is_digits(offset) {
        return None;
    }
    two(&offset[..2], 23)?;
    two(&offset[2..], 59)?;
    let day = two(day, 31)?;
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    if year.len() != 4 || !is_digits(year) {
        return None;
    }
    let year: u16 = year.parse().ok()?;
    jiff::civil::Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()?;
    Some(Date { year, month, day })
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn split3(text: &str, separator: char) -> Option<[&str; 3]> {
    let mut parts = text.splitn(3, separator);
    Some([parts.next()?, parts.next()?, parts.next()?])
}

fn request(text: &str) -> Request<'_> {
    let mut parts = text.split(' ');
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Request::Invalid(text);
    };
    let protocol = parts.next();
    let sound = !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_uppercase())
        && !target.is_empty()
        && protocol.is_none_or(|p| p.starts_with("HTTP/"))
        && parts.next().is_none();
    if sound {
        Request::Line { method, target }
    } else {
        Request::Invalid(text)
    }
}

fn status(text: &str) -> Option<u16> {
    (text.len() == 3 && is_digits(text))
        .then(|| text.parse().ok())?
        .filter(|s| (100..=599).contains(s))
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn dash_is_none(text: &str) -> Option<&str> {
    (text != "-" && !text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMBINED: &str = r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET /du-lich/Q/DT01/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Linux; Android 14) Zalo""#;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn reads_the_combined_format() {
        let entry = line(COMBINED).unwrap();
        assert_eq!(
            entry,
            Entry {
                host: "203.0.113.7",
                date: date(2026, 3, 14),
                request: Request::Line {
                    method: "GET",
                    target: "/du-lich/Q/DT01/"
                },
                status: 200,
                bytes: Some(5120),
                referer: None,
                user_agent: Some("Mozilla/5.0 (Linux; Android 14) Zalo"),
            }
        );
    }

    #[test]
    fn reads_the_common_format_with_a_dash_size() {
        let entry = line(
            r#"198.51.100.2 - alice [01/Apr/2026:23:59:59 -0500] "HEAD /q/dt02 HTTP/1.0" 304 -"#,
        )
        .unwrap();
        assert_eq!(entry.date, date(2026, 4, 1));
        assert_eq!(entry.status, 304);
        assert_eq!(entry.bytes, None);
        assert_eq!((entry.referer, entry.user_agent), (None, None));
    }

    #[test]
    fn the_day_is_the_local_one_as_written() {
        // 23:30 at UTC-05:00 is the next day in UTC; the report counts the server's day.
        let entry = line(r#"::1 - - [31/Mar/2026:23:30:00 -0500] "GET / HTTP/1.1" 200 1"#).unwrap();
        assert_eq!(entry.date, date(2026, 3, 31));
    }

    #[test]
    fn reads_ipv6_hosts() {
        for host in [
            "2001:db8::8a2e:370:7334",
            "[2001:db8::1]",
            "::ffff:192.0.2.1",
        ] {
            let text = COMBINED.replacen("203.0.113.7", host, 1);
            assert_eq!(line(&text).unwrap().host, host);
        }
    }

    #[test]
    fn escaped_quotes_stay_inside_their_field() {
        let apache = r#"192.0.2.9 - - [14/Mar/2026:08:05:09 +0700] "GET /a\"b HTTP/1.1" 404 0 "-" "Odd \"Agent\" 1.0""#;
        let entry = line(apache).unwrap();
        assert_eq!(
            entry.request,
            Request::Line {
                method: "GET",
                target: r#"/a\"b"#
            }
        );
        assert_eq!(entry.user_agent, Some(r#"Odd \"Agent\" 1.0"#));
        let nginx = r#"192.0.2.9 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200 0 "-" "Odd \x22Agent\x22""#;
        assert_eq!(line(nginx).unwrap().user_agent, Some(r"Odd \x22Agent\x22"));
        let trailing_backslash =
            r#"192.0.2.9 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200 0 "-" "Agent\\""#;
        assert_eq!(
            line(trailing_backslash).unwrap().user_agent,
            Some(r"Agent\\")
        );
    }

    #[test]
    fn a_malformed_request_line_is_kept_as_invalid() {
        for request in [
            "-",
            r"\x16\x03\x01\x02\x00\x01",
            "GET",
            "get / HTTP/1.1",
            "GET / FTP",
            "GET  /",
        ] {
            let text = format!(
                r#"192.0.2.1 - - [14/Mar/2026:08:05:09 +0700] "{request}" 400 157 "-" "-""#
            );
            assert_eq!(
                line(&text).unwrap().request,
                Request::Invalid(request),
                "{request}"
            );
        }
        let http09 = r#"192.0.2.1 - - [14/Mar/2026:08:05:09 +0700] "GET /q/dt01/" 200 10"#;
        assert!(matches!(
            line(http09).unwrap().request,
            Request::Line { .. }
        ));
    }

    #[test]
    fn fields_after_the_user_agent_are_ignored() {
        let text = format!(r#"{COMBINED} "203.0.113.50" 0.004"#);
        assert_eq!(line(&text).unwrap(), line(COMBINED).unwrap());
    }

    #[test]
    fn broken_lines_say_what_is_missing() {
        let cases = [
            ("", "no client address"),
            ("203.0.113.7", "no identity field"),
            (
                r#"203.0.113.7 - - 14/Mar/2026:08:05:09 "GET / HTTP/1.1" 200 1"#,
                "no [day/month/year:hh:mm:ss zone] timestamp",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] GET / 200 1"#,
                "no quoted request line",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 2000 1"#,
                "no 3-digit status",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200"#,
                "no response size",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200 12 "-"#,
                "after the size, no quoted referer",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200 12 "-" Mozilla"#,
                "after the referer, no quoted user agent",
            ),
            (
                r#"203.0.113.7 - - [14/Mar/2026:08:05:09 +0700] "GET / HTTP/1.1" 200 99999999999999999999999"#,
                "size too large",
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(line(text), Err(Malformed(reason)), "{text}");
        }
    }

    #[test]
    fn impossible_timestamps_are_malformed() {
        for stamp in [
            "30/Feb/2026:08:05:09 +0700",
            "14/Mar/2026:24:00:00 +0700",
            "14/Mär/2026:08:05:09 +0700",
            "14/Mar/26:08:05:09 +0700",
            "14/Mar/2026:08:05:09",
            "14/Mar/2026:08:05:09 0700",
            "4/Mar/2026:08:05:09 +0700",
            "14/Mar/2026:08:5:09 +0700",
        ] {
            let text = format!(r#"203.0.113.7 - - [{stamp}] "GET / HTTP/1.1" 200 1"#);
            assert!(line(&text).is_err(), "{stamp}");
        }
        let leap = r#"203.0.113.7 - - [29/Feb/2028:00:00:00 +0000] "GET / HTTP/1.1" 200 1"#;
        assert_eq!(line(leap).unwrap().date, date(2028, 2, 29));
    }
}
