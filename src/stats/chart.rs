//! An SVG bar chart of the scans of each relic over the whole period, to paste into a report.

use std::fmt::Write as _;

use super::count::Stats;
use crate::html::escape;

const WIDTH: u32 = 800;
const MARGIN: u32 = 24;
const TOP: u32 = 96;
const ROW: u32 = 36;
const BAR: u32 = 24;
/// Room right of the longest bar for its number.
const NUMBER_ROOM: u32 = 64;
/// Names longer than this many characters are cut with `…`, so the bars keep their room.
const NAME_CHARS: usize = 30;
/// A generous advance of one character at 16 px in the fonts below, to size the label column
/// whichever of them the reader has.
const CHAR_WIDTH: f32 = 9.6;
/// The theme's font first, then fonts with Vietnamese letters found on most computers.
const FONTS: &str = "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

/// The chart: a title with the guide's name and the days covered, then one horizontal bar per
/// relic, every relic of the site in id order, scanned or not.
pub fn svg(stats: &Stats) -> String {
    let labels: Vec<String> = stats
        .relics
        .iter()
        .map(|r| format!("{} {}", r.id, shorten(&r.name)))
        .collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let label_width = (longest as f32 * CHAR_WIDTH).ceil() as u32;
    let bars_x = MARGIN + label_width + 16;
    let bar_room = WIDTH.saturating_sub(bars_x + NUMBER_ROOM + MARGIN).max(100);
    let height = TOP + ROW * stats.relics.len() as u32 + 48;
    let most = stats.totals.iter().map(|c| c.scans).max().unwrap_or(0);

    let range = match (stats.first_day, stats.last_day) {
        (Some(first), Some(last)) if first == last => first.to_string(),
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => "no scans".to_owned(),
    };
    let title = "QR scans per relic · Lượt quét mã QR theo di tích";
    let subtitle = format!(
        "{} · {range} · {} scans, about {} visitors",
        stats.title, stats.site.scans, stats.site.visitors
    );

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" font-family="{FONTS}">"#
    );
    let _ = writeln!(
        svg,
        "<title>{}</title>",
        escape(&format!("{title}: {subtitle}"))
    );
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN}" y="40" font-size="22" font-weight="bold" fill="#1a1a1a">{}</text>"##,
        escape(title)
    );
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN}" y="68" font-size="16" fill="#404040">{}</text>"##,
        escape(&subtitle)
    );
    for (i, (label, count)) in labels.iter().zip(&stats.totals).enumerate() {
        let y = TOP + ROW * i as u32;
        let bar = if most == 0 {
            0
        } else {
            (count.scans * u64::from(bar_room)).div_ceil(most) as u32
        };
        let text_y = y + BAR / 2 + 6;
        let _ = writeln!(
            svg,
            r##"<text x="{MARGIN}" y="{text_y}" font-size="16" fill="#1a1a1a">{}</text>"##,
            escape(label)
        );
        let _ = writeln!(
            svg,
            r##"<rect x="{bars_x}" y="{y}" width="{bar}" height="{BAR}" fill="#a4343a"/>"##
        );
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{text_y}" font-size="16" fill="#1a1a1a">{}</text>"##,
            bars_x + bar + 8,
            count.scans
        );
    }
    let _ = writeln!(
        svg,
        r##"<text x="{MARGIN}" y="{}" font-size="13" fill="#595959">Scans of each relic's QR landing page, bots left out. Visitors are estimates.</text>"##,
        height - 18
    );
    svg.push_str("</svg>\n");
    svg
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut short: String = name.chars().take(NAME_CHARS - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut() {
        assert_eq!(shorten("Đền Cả"), "Đền Cả");
        let long = "Khu lưu niệm danh nhân văn hoá thế giới Nguyễn Du";
        let short = shorten(long);
        assert_eq!(short.chars().count(), NAME_CHARS);
        assert!(short.ends_with('…'));
    }
}
