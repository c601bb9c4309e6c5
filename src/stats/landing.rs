//! Which requests open a QR landing page: `{base_path}Q/{ID}/` as printed in the code, or
//! `{base_path}q/{id}/` as typed from the plaque (see [`crate::urls::landing`]).

use percent_encoding::percent_decode_str;

/// The code a request target opens, in capitals, when the target is a landing page's:
/// `/du-lich/Q/DT01/`, `/du-lich/q/dt01`, `/du-lich/Q/Dt01/?utm_source=qr`, percent-encoded or
/// not, and in the absolute form a proxy may log (`https://host/du-lich/Q/DT01/`). Whether a
/// relic has that code is the caller's question.
///
/// `base_path` starts and ends with `/`, as [`crate::config::Config::base_path`] does.
pub fn code(target: &str, base_path: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let path = strip_origin(path);
    let path = percent_decode_str(path).decode_utf8().ok()?;
    let rest = path.strip_prefix(base_path)?;
    let rest = rest
        .strip_prefix("Q/")
        .or_else(|| rest.strip_prefix("q/"))?;
    let id = rest.strip_suffix('/').unwrap_or(rest);
    if id.is_empty() || id.contains('/') {
        return None;
    }
    Some(id.to_ascii_uppercase())
}

/// Whether the target names the landing page without its final `/`, which servers answer by
/// redirecting to the form with it: the browser's next request is then the one to count.
pub fn lacks_final_slash(target: &str) -> bool {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    !path.ends_with('/')
}

/// `https://host/path` → `/path`; a path stays as it is.
fn strip_origin(target: &str) -> &str {
    let Some(after_scheme) = ["http://", "https://"].iter().find_map(|scheme| {
        target
            .get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &target[scheme.len()..])
    }) else {
        return target;
    };
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "/du-lich/";

    #[test]
    fn both_printed_forms_open_a_code() {
        for target in [
            "/du-lich/Q/DT01/",
            "/du-lich/q/dt01/",
            "/du-lich/Q/DT01",
            "/du-lich/q/Dt01",
            "/du-lich/Q/DT01/?utm_source=qr#top",
            "/du-lich/Q/DT01#top",
            "/du-lich/%51/%44T01/",
            "/du%2Dlich/q/dt01/",
            "https://example.gov.vn/du-lich/Q/DT01/",
            "HTTP://example.gov.vn/du-lich/Q/DT01/",
        ] {
            assert_eq!(code(target, BASE).as_deref(), Some("DT01"), "{target}");
        }
    }

    #[test]
    fn other_pages_are_not_landing_pages() {
        for target in [
            "/du-lich/",
            "/du-lich/Q/",
            "/du-lich/Q/?code=DT01",
            "/du-lich/Q//",
            "/du-lich/Q/DT01/index.html",
            "/du-lich/Q/DT01%2Fx/",
            "/du-lich/den-a/",
            "/Q/DT01/",
            "/du-lich/x/DT01/",
            "/DU-LICH/Q/DT01/",
            "/du-lich/Q/%FF/",
            "https://example.gov.vn",
            "*",
        ] {
            assert_eq!(code(target, BASE), None, "{target}");
        }
    }

    #[test]
    fn a_site_at_the_root_has_its_landing_pages_there() {
        assert_eq!(code("/Q/DT01/", "/").as_deref(), Some("DT01"));
        assert_eq!(code("/du-lich/Q/DT01/", "/"), None);
    }

    #[test]
    fn any_code_shaped_path_is_returned_for_the_caller_to_look_up() {
        assert_eq!(code("/du-lich/Q/dt99/", BASE).as_deref(), Some("DT99"));
    }

    #[test]
    fn the_final_slash() {
        assert!(lacks_final_slash("/du-lich/q/dt01?x=/"));
        assert!(!lacks_final_slash("/du-lich/q/dt01/?x"));
    }
}
