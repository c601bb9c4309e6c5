//! Plaque codes: what may be printed, and which one comes next.

/// Whether `id` can be printed on a plaque: 2 to 12 capital letters A–Z or digits, which the
/// QR code's alphanumeric mode holds compactly and anyone can read out and type.
pub fn is_plaque_code(id: &str) -> bool {
    (2..=12).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The next id in the project's most common pattern: after DT01…DT07 comes DT08. Ids are
/// a prefix of letters and a number; the number keeps its zero padding.
pub fn next_free_code(taken: &[String]) -> String {
    let numbered: Vec<(&str, &str)> = taken
        .iter()
        .filter_map(|id| {
            let split = id.find(|c: char| c.is_ascii_digit())?;
            let (prefix, digits) = id.split_at(split);
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then_some((prefix, digits))
        })
        .collect();
    let prefix = most_common(numbered.iter().map(|(p, _)| *p)).unwrap_or("DT");
    let width = numbered
        .iter()
        .filter(|(p, _)| *p == prefix)
        .map(|(_, d)| d.len())
        .max()
        .unwrap_or(2);
    let mut number = numbered
        .iter()
        .filter(|(p, _)| *p == prefix)
        .filter_map(|(_, d)| d.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    loop {
        let id = format!("{prefix}{number:0width$}");
        if !taken.contains(&id) {
            return id;
        }
        number += 1;
    }
}

fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    // Ties go to the first in id order, so the choice does not depend on the folders' order.
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(item, _)| *item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_next_id_follows_the_pattern() {
        assert_eq!(next_free_code(&[]), "DT01");
        assert_eq!(next_free_code(&ids(&["DT01", "DT02", "DT07"])), "DT08");
        assert_eq!(next_free_code(&ids(&["LT001", "LT009", "X1"])), "LT010");
        assert_eq!(next_free_code(&ids(&["DT99"])), "DT100");
    }
}
