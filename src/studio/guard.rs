//! Which requests the studio answers. A web page anywhere can make the officer's browser send
//! requests to `127.0.0.1`; two checks keep such pages from reading or changing the guide:
//! - the `Host` must be the studio's own address, so a hostile domain re-pointed at
//!   127.0.0.1 (DNS rebinding) is refused even though the browser thinks it same-origin;
//! - a request that changes a file must come from the studio's own page (`Origin`) and carry
//!   the secret written into that page at start-up, which other pages cannot read.

use anyhow::Context as _;

/// The largest form: a relic's text with a long story is a few hundred kilobytes.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

pub struct Guard {
    port: u16,
    token: String,
}

/// Why a request was refused, with the status it is answered with.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 421: not addressed to the studio.
    WrongHost,
    /// 403: a change from another page, or without the secret.
    Forbidden,
    /// 413: a body over the request's limit.
    TooLarge,
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::WrongHost => 421,
            Refusal::Forbidden => 403,
            Refusal::TooLarge => 413,
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            Refusal::WrongHost => {
                "Yêu cầu không gửi tới xưởng soạn trên máy này. / The request is not addressed to this computer's studio."
            }
            Refusal::Forbidden => {
                "Chỉ trang của xưởng soạn mới được sửa tệp. Hãy tải lại trang. / Only the studio's own page may change files; reload it."
            }
            Refusal::TooLarge => "Nội dung gửi lên quá lớn. / The request is too large.",
        }
    }
}

/// What the guard reads of a request.
pub struct Request<'a> {
    pub host: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub token: Option<&'a str>,
    /// Whether the request may change a file: anything but GET and HEAD.
    pub changes: bool,
    pub length: Option<usize>,
    /// The largest body this request may carry: more for an upload than for a form.
    pub limit: usize,
}

impl Guard {
    pub fn new(port: u16) -> anyhow::Result<Guard> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).context("cannot make the studio's secret")?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Guard { port, token })
    }

    /// The secret the studio's page sends back with every change.
    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn check(&self, request: &Request<'_>) -> Result<(), Refusal> {
        let own = |host: &str| {
            [
                format!("127.0.0.1:{}", self.port),
                format!("localhost:{}", self.port),
            ]
            .contains(&host.to_ascii_lowercase())
        };
        if !request.host.is_some_and(own) {
            return Err(Refusal::WrongHost);
        }
        if !request.changes {
            return Ok(());
        }
        let same_origin = request
            .origin
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(own);
        // Compared whole, in constant time: the secret is the only thing a hostile page lacks.
        let token = request.token.unwrap_or_default().as_bytes();
        let secret = self.token.as_bytes();
        let matches = token.len() == secret.len()
            && token.iter().zip(secret).fold(0, |d, (a, b)| d | (a ^ b)) == 0;
        if !same_origin || !matches {
            return Err(Refusal::Forbidden);
        }
        if request.length.is_some_and(|l| l > request.limit) {
            return Err(Refusal::TooLarge);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        Guard {
            port: 8101,
            token: "s3cret".into(),
        }
    }

    fn change<'a>(host: &'a str, origin: Option<&'a str>, token: Option<&'a str>) -> Request<'a> {
        Request {
            host: Some(host),
            origin,
            token,
            changes: true,
            length: Some(10),
            limit: MAX_BODY,
        }
    }

    #[test]
    fn the_studios_own_page_may_change_files() {
        let guard = guard();
        for host in ["127.0.0.1:8101", "localhost:8101", "LOCALHOST:8101"] {
            let origin = format!("http://{host}");
            assert_eq!(
                guard.check(&change(host, Some(&origin), Some("s3cret"))),
                Ok(())
            );
        }
    }

    #[test]
    fn other_hosts_origins_and_secrets_are_refused() {
        let guard = guard();
        let own = Some("http://127.0.0.1:8101");
        let refused = [
            (
                change("evil.example:8101", own, Some("s3cret")),
                Refusal::WrongHost,
            ),
            (
                change("127.0.0.1:9999", own, Some("s3cret")),
                Refusal::WrongHost,
            ),
            (
                change(
                    "127.0.0.1:8101",
                    Some("http://evil.example"),
                    Some("s3cret"),
                ),
                Refusal::Forbidden,
            ),
            (
                change("127.0.0.1:8101", None, Some("s3cret")),
                Refusal::Forbidden,
            ),
            (change("127.0.0.1:8101", own, None), Refusal::Forbidden),
            (
                change("127.0.0.1:8101", own, Some("s3cre")),
                Refusal::Forbidden,
            ),
        ];
        for (request, refusal) in refused {
            assert_eq!(guard.check(&request), Err(refusal));
        }
        let reading = Request {
            host: None,
            origin: None,
            token: None,
            changes: false,
            length: None,
            limit: MAX_BODY,
        };
        assert_eq!(guard.check(&reading), Err(Refusal::WrongHost));
    }
}
