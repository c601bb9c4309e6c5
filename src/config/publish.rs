//! `[publish]` of `site.toml`: where `ditich publish` sends the built site. Secrets are never
//! read from here: a password comes from the environment or a prompt (see `publish::secret`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Location};

/// `[publish]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPublish {
    /// The web host's folder: `sftp://user@host:22/var/www/du-lich`, `ftp://user@host/du-lich`,
    /// `ftps://user@host/du-lich` (FTP over TLS), or an S3-compatible bucket, `s3://bucket/prefix`.
    url: Spanned<String>,
    /// SFTP: the private key to log in with, `key = "C:/Users/vanhoa/.ssh/id_ed25519"`.
    /// Without it, the login uses a password.
    key: Option<Spanned<String>>,
    /// SFTP: the file of known host keys. Default: `~/.ssh/known_hosts`.
    known_hosts: Option<Spanned<String>>,
    /// FTPS and S3: a certificate authority to trust besides the usual public ones, as a PEM
    /// file: a host with its own certificate.
    ca: Option<Spanned<String>>,
    /// S3: the service's address, `endpoint = "https://s3.example.vn"`.
    endpoint: Option<Spanned<String>>,
    /// S3: the region the bucket is in. Default: `us-east-1`, which S3-compatible services
    /// that have no regions accept.
    region: Option<String>,
    /// S3: the access key's id. Its secret comes from `DITICH_PUBLISH_SECRET` or a prompt.
    access_key: Option<Spanned<String>>,
}

/// Where to publish, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// As written, for messages and for telling targets apart.
    pub url: String,
    pub protocol: Protocol,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Protocol {
    Sftp {
        login: Login,
        key: Option<PathBuf>,
        known_hosts: PathBuf,
    },
    Ftp {
        login: Login,
        tls: bool,
        ca: Option<PathBuf>,
    },
    S3(Bucket),
}

/// An S3-compatible bucket, and the prefix of its keys that receives the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub name: String,
    /// Without leading or trailing `/`; empty for the bucket's top.
    pub prefix: String,
    pub endpoint: url::Url,
    pub region: String,
    pub access_key: String,
    pub ca: Option<PathBuf>,
}

/// A user on a host, and the folder there that receives the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Login {
    pub user: String,
    pub host: String,
    pub port: u16,
    /// Without a trailing `/`: from the top when it starts with `/`, otherwise from the
    /// login's own folder, which the empty folder is.
    pub folder: String,
}

impl Login {
    /// The host's path of a file of the site.
    pub fn join(&self, path: &str) -> String {
        match self.folder.as_str() {
            "" => path.to_owned(),
            "/" => format!("/{path}"),
            folder => format!("{folder}/{path}"),
        }
    }
}

/// Checks `[publish]`: `Ok(None)` when `site.toml` has none.
pub(super) fn resolve(
    raw: Option<Spanned<RawPublish>>,
    source: &str,
    file: &Path,
    root: &Path,
) -> Result<Option<Target>, Vec<Diagnostic>> {
    let Some(raw) = raw else { return Ok(None) };
    let at = |span: std::ops::Range<usize>| Location::of_span(source, span);
    let wrong = |span, message, help| {
        vec![
            Diagnostic::error(message)
                .in_file(file)
                .at(at(span))
                .help(help),
        ]
    };
    let raw = raw.into_inner();
    let written = raw.url.get_ref().trim();
    let path = |value: &Option<Spanned<String>>| {
        value.as_ref().map(|v| {
            let v = v.get_ref().trim();
            let v = v
                .strip_prefix("~/")
                .and_then(|rest| home().map(|home| home.join(rest)))
                .unwrap_or_else(|| PathBuf::from(v));
            root.join(v)
        })
    };
    let Ok(url) = url::Url::parse(written) else {
        return Err(wrong(
            raw.url.span(),
            crate::text!("publish-url-wrong", value = written),
            crate::text!("publish-url-help"),
        ));
    };
    let only_for = |key: &Option<Spanned<String>>, name: &str, protocols: &str| {
        key.as_ref().map(|k| {
            wrong(
                k.span(),
                crate::text!("publish-key-unused", key = name, protocols = protocols),
                crate::text!("publish-key-unused-help", key = name),
            )
        })
    };
    let scheme = url.scheme().to_owned();
    let unused = match scheme.as_str() {
        "sftp" => only_for(&raw.endpoint, "endpoint", "s3")
            .or_else(|| only_for(&raw.access_key, "access_key", "s3"))
            .or_else(|| only_for(&raw.ca, "ca", "ftps, s3")),
        "ftp" | "ftps" => only_for(&raw.key, "key", "sftp")
            .or_else(|| only_for(&raw.known_hosts, "known_hosts", "sftp"))
            .or_else(|| only_for(&raw.endpoint, "endpoint", "s3"))
            .or_else(|| only_for(&raw.access_key, "access_key", "s3"))
            .or_else(|| {
                (scheme == "ftp")
                    .then(|| only_for(&raw.ca, "ca", "ftps, s3"))
                    .flatten()
            }),
        "s3" => only_for(&raw.key, "key", "sftp")
            .or_else(|| only_for(&raw.known_hosts, "known_hosts", "sftp")),
        _ => {
            return Err(wrong(
                raw.url.span(),
                crate::text!("publish-scheme-unknown", scheme = scheme.as_str()),
                crate::text!("publish-url-help"),
            ));
        }
    };
    if let Some(problem) = unused {
        return Err(problem);
    }
    if url.query().is_some() || url.fragment().is_some() || url.password().is_some() {
        let message = if url.password().is_some() {
            crate::text!("publish-url-password")
        } else {
            crate::text!("publish-url-wrong", value = written)
        };
        return Err(wrong(
            raw.url.span(),
            message,
            crate::text!("publish-url-help"),
        ));
    }
    let host = url.host_str().unwrap_or_default().to_owned();
    let decoded = |text: &str| {
        percent_encoding::percent_decode_str(text)
            .decode_utf8_lossy()
            .into_owned()
    };
    // As curl reads them: an FTP URL's path is from the login's folder (`/%2F…` from the
    // top), an SFTP URL's from the top (`/~/…` from the login's folder).
    let folder = {
        let path = decoded(url.path());
        let path = match scheme.as_str() {
            "sftp" => path.strip_prefix("/~").unwrap_or(&path).to_owned(),
            _ => path,
        };
        let relative = path.strip_prefix('/').unwrap_or(&path);
        let relative = relative.trim_end_matches('/');
        match scheme.as_str() {
            "sftp" if !url.path().starts_with("/~") => format!("/{relative}"),
            _ => relative.to_owned(),
        }
    };
    let protocol = if scheme == "s3" {
        if host.is_empty() {
            return Err(wrong(
                raw.url.span(),
                crate::text!("publish-url-wrong", value = written),
                crate::text!("publish-url-help"),
            ));
        }
        let Some(endpoint) = &raw.endpoint else {
            return Err(wrong(
                raw.url.span(),
                crate::text!("publish-needs", key = "endpoint"),
                crate::text!("publish-endpoint-help"),
            ));
        };
        let address = endpoint.get_ref().trim();
        let endpoint = match url::Url::parse(address) {
            Ok(e) if e.scheme() == "https" && e.host_str().is_some() => e,
            // Plain HTTP only to this computer: a test server, or a gateway that adds TLS.
            Ok(e) if e.scheme() == "http" && is_loopback(&e) => e,
            _ => {
                return Err(wrong(
                    endpoint.span(),
                    crate::text!("publish-endpoint-wrong", value = address),
                    crate::text!("publish-endpoint-help"),
                ));
            }
        };
        let Some(access_key) = &raw.access_key else {
            return Err(wrong(
                raw.url.span(),
                crate::text!("publish-needs", key = "access_key"),
                crate::text!("publish-access-key-help"),
            ));
        };
        Protocol::S3(Bucket {
            name: host,
            prefix: folder.trim_matches('/').to_owned(),
            endpoint,
            region: raw.region.unwrap_or_else(|| "us-east-1".to_owned()),
            access_key: access_key.get_ref().trim().to_owned(),
            ca: path(&raw.ca),
        })
    } else {
        if host.is_empty() || url.username().is_empty() {
            return Err(wrong(
                raw.url.span(),
                crate::text!("publish-url-no-user", value = written),
                crate::text!("publish-url-help"),
            ));
        }
        let sftp = scheme == "sftp";
        let login = Login {
            user: decoded(url.username()),
            host,
            port: url.port().unwrap_or(if sftp { 22 } else { 21 }),
            folder,
        };
        if sftp {
            let known_hosts = path(&raw.known_hosts)
                .or_else(|| home().map(|h| h.join(".ssh").join("known_hosts")))
                .unwrap_or_else(|| PathBuf::from("known_hosts"));
            Protocol::Sftp {
                login,
                key: path(&raw.key),
                known_hosts,
            }
        } else {
            Protocol::Ftp {
                login,
                tls: scheme == "ftps",
                ca: path(&raw.ca),
            }
        }
    };
    Ok(Some(Target {
        url: written.to_owned(),
        protocol,
    }))
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The user's home folder, where `~/` points.
fn home() -> Option<PathBuf> {
    std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" }).map(PathBuf::from)
}
