//! Publishing over FTP, or FTPS: FTP with explicit TLS (`AUTH TLS`), the certificate checked
//! against the public authorities and the project's own `ca`.
//!
//! Each file goes up under a temporary name and is renamed over its old copy, which FTP
//! servers replace in one step (vsftpd, pure-ftpd, ProFTPD); a server that refuses to rename
//! onto a file gets the old one deleted first.

use std::net::{TcpStream, ToSocketAddrs as _};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use suppaftp::rustls::pki_types::{CertificateDer, pem::PemObject as _};
use suppaftp::rustls::{self, ClientConfig, RootCertStore};
use suppaftp::types::FileType;
use suppaftp::{FtpError, ImplFtpStream, RustlsConnector, Status, TlsStream};

use super::{Ask, Remote};
use crate::config::publish::Login;
use crate::text;

const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Ftp<T: TlsStream> {
    stream: ImplFtpStream<T>,
    login: Login,
    folders: std::collections::HashSet<String>,
}

/// A session on a plain or a TLS control connection.
pub fn connect(
    login: &Login,
    tls: bool,
    ca: Option<&Path>,
    ask: &dyn Ask,
) -> anyhow::Result<Box<dyn Remote>> {
    let socket = open(login)?;
    if !tls {
        let stream =
            suppaftp::FtpStream::connect_with_stream(socket).map_err(|e| failed(login, e))?;
        return Ok(Box::new(Ftp::log_in(stream, login, ask)?));
    }
    let config = tls_config(ca)?;
    let stream = suppaftp::RustlsFtpStream::connect_with_stream(socket)
        .map_err(|e| failed(login, e))?
        .into_secure(RustlsConnector::from(Arc::new(config)), &login.host)
        .map_err(|err| {
            anyhow::anyhow!(
                "{}",
                text!(
                    "publish-tls-refused",
                    host = login.host.as_str(),
                    reason = err.to_string()
                )
            )
        })?;
    Ok(Box::new(Ftp::log_in(stream, login, ask)?))
}

fn open(login: &Login) -> anyhow::Result<TcpStream> {
    let connect = || -> std::io::Result<TcpStream> {
        let mut last = None;
        for address in (login.host.as_str(), login.port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&address, TIMEOUT) {
                Ok(socket) => {
                    socket.set_read_timeout(Some(TIMEOUT))?;
                    socket.set_write_timeout(Some(TIMEOUT))?;
                    return Ok(socket);
                }
                Err(err) => last = Some(err),
            }
        }
        Err(last.unwrap_or_else(|| std::io::ErrorKind::NotFound.into()))
    };
    connect().map_err(|e| failed(login, e))
}

fn failed(login: &Login, err: impl std::error::Error + Send + Sync + 'static) -> anyhow::Error {
    anyhow::Error::new(err).context(text!(
        "publish-connect-failed",
        host = login.host.as_str(),
        port = usize::from(login.port)
    ))
}

/// TLS 1.2: vsftpd, the most common server, requires each data connection to resume the
/// control connection's TLS session, which rustls does not do under TLS 1.3 for uploads.
fn tls_config(ca: Option<&Path>) -> anyhow::Result<ClientConfig> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(ca) = ca {
        let unreadable = || text!("cannot-read", file = ca.display().to_string());
        for certificate in CertificateDer::pem_file_iter(ca).with_context(unreadable)? {
            roots
                .add(certificate.with_context(unreadable)?)
                .with_context(unreadable)?;
        }
    }
    Ok(
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_protocol_versions(&[&rustls::version::TLS12])?
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

fn status(err: &FtpError) -> Option<Status> {
    match err {
        FtpError::UnexpectedResponse(response) => Some(response.status),
        _ => None,
    }
}

impl<T: TlsStream + Send> Ftp<T> {
    fn log_in(mut stream: ImplFtpStream<T>, login: &Login, ask: &dyn Ask) -> anyhow::Result<Self> {
        let password = super::password(ask, &login.user, &login.host)?;
        match stream.login(login.user.as_str(), password.as_str()) {
            Ok(()) => {}
            Err(err) if status(&err) == Some(Status::NotLoggedIn) => anyhow::bail!(
                "{}",
                text!(
                    "publish-login-refused",
                    user = login.user.as_str(),
                    host = login.host.as_str()
                )
            ),
            Err(err) => return Err(failed(login, err)),
        }
        // The default, ASCII, would turn every line ending into CR LF.
        stream.transfer_type(FileType::Binary)?;
        // Data connections go to the host the control connection reached: servers behind a
        // router often name their private address in PASV answers.
        stream.set_passive_nat_workaround(true);
        Ok(Ftp {
            stream,
            login: login.clone(),
            folders: Default::default(),
        })
    }

    fn make_folders(&mut self, full: &str) -> anyhow::Result<()> {
        let mut missing = Vec::new();
        let mut folder = full.rsplit_once('/').map_or("", |(f, _)| f);
        while !folder.is_empty() && !self.folders.contains(folder) {
            missing.push(folder.to_owned());
            folder = folder.rsplit_once('/').map_or("", |(f, _)| f);
        }
        for folder in missing.into_iter().rev() {
            match self.stream.mkdir(&folder) {
                Ok(()) => {}
                // Already there; a folder that cannot be made fails the upload into it.
                Err(err) if status(&err) == Some(Status::FileUnavailable) => {}
                Err(err) => return Err(anyhow::Error::new(err).context(folder)),
            }
            self.folders.insert(folder);
        }
        Ok(())
    }
}

impl<T: TlsStream + Send> Remote for Ftp<T> {
    fn get(&mut self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let full = self.login.join(path);
        let read = self.stream.retr(&full, |reader| {
            let mut bytes = Vec::new();
            reader
                .read_to_end(&mut bytes)
                .map_err(FtpError::ConnectionError)?;
            Ok(bytes)
        });
        match read {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if status(&err) == Some(Status::FileUnavailable) => Ok(None),
            Err(err) => Err(anyhow::Error::new(err).context(full)),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.login.join(path);
        self.make_folders(&full)?;
        let partial = super::partial_name(&full);
        self.stream
            .put_file(&partial, &mut &bytes[..])
            .with_context(|| partial.clone())?;
        match self.stream.rename(&partial, &full) {
            Ok(()) => Ok(()),
            Err(err) if status(&err) == Some(Status::FileUnavailable) => {
                let _ = self.stream.rm(&full);
                self.stream
                    .rename(&partial, &full)
                    .with_context(|| full.clone())
            }
            Err(err) => Err(anyhow::Error::new(err).context(full)),
        }
    }

    fn delete(&mut self, path: &str) -> anyhow::Result<()> {
        let full = self.login.join(path);
        match self.stream.rm(&full) {
            Ok(()) => Ok(()),
            Err(err) if status(&err) == Some(Status::FileUnavailable) => Ok(()),
            Err(err) => Err(anyhow::Error::new(err).context(full)),
        }
    }

    fn remove_folder(&mut self, path: &str) {
        let full = self.login.join(path);
        // A folder holding files ditich did not put there stays, with them.
        let _ = self.stream.rmdir(&full);
        self.folders.remove(&full);
    }

    fn close(&mut self) -> anyhow::Result<()> {
        self.stream.quit()?;
        Ok(())
    }
}
