//! Publishing over SFTP, with the host's key checked against `known_hosts` as OpenSSH does.
//!
//! Each file is written under a temporary name beside its place and renamed over the old one
//! with OpenSSH's `posix-rename@openssh.com`, which replaces it in one step; a server without
//! it gets the old file deleted first, as plain SFTP renames onto no existing file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, bail};
use russh::client;
use russh::keys::{self, HashAlg, PrivateKeyWithHashAlg, PublicKey, PublicKeyOrCertificate};
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use super::{Ask, Remote};
use crate::config::publish::Login;
use crate::text;

/// How much one write request carries: what every SFTP server accepts.
const CHUNK: usize = 32 * 1024;
/// Write requests in flight at once, so that a slow link's round trips overlap.
const IN_FLIGHT: usize = 16;
/// How long a request may wait for its answer on a slow link.
const TIMEOUT_SECONDS: u64 = 60;

pub struct Sftp {
    runtime: tokio::runtime::Runtime,
    session: client::Handle<HostCheck>,
    sftp: RawSftpSession,
    login: Login,
    posix_rename: bool,
    /// Folders known to exist on the host.
    folders: std::collections::HashSet<String>,
}

/// What the host's key turned out to be, when it was not accepted.
#[derive(Debug, Clone)]
enum Refused {
    Unknown { fingerprint: String },
    Changed { fingerprint: String, line: usize },
    Unreadable(String),
}

struct HostCheck {
    host: String,
    port: u16,
    known_hosts: PathBuf,
    /// The fingerprint the user accepted for a host not yet known: learnt if it is the key.
    accepted: Option<String>,
    refused: Arc<Mutex<Option<Refused>>>,
}

impl client::Handler for HostCheck {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let PublicKeyOrCertificate::PublicKey { key, .. } = key else {
            return Ok(false);
        };
        let outcome = self.check(key);
        let accepted = outcome.is_none();
        *self.refused.lock().unwrap_or_else(|e| e.into_inner()) = outcome;
        Ok(accepted)
    }
}

impl HostCheck {
    fn check(&self, key: &PublicKey) -> Option<Refused> {
        let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
        let recorded =
            match keys::known_hosts::known_host_keys_path(&self.host, self.port, &self.known_hosts)
            {
                Ok(recorded) => recorded,
                Err(err) => return Some(Refused::Unreadable(err.to_string())),
            };
        // By the key itself: the comment a known_hosts line may carry is not the key.
        if recorded.iter().any(|(_, r)| r.key_data() == key.key_data()) {
            return None;
        }
        if let Some((line, _)) = recorded
            .iter()
            .find(|(_, r)| r.algorithm() == key.algorithm())
        {
            return Some(Refused::Changed {
                fingerprint,
                line: *line,
            });
        }
        if self.accepted.as_deref() == Some(fingerprint.as_str()) {
            return match keys::known_hosts::learn_known_hosts_path(
                &self.host,
                self.port,
                key,
                &self.known_hosts,
            ) {
                Ok(()) => None,
                Err(err) => Some(Refused::Unreadable(err.to_string())),
            };
        }
        Some(Refused::Unknown { fingerprint })
    }
}

impl Sftp {
    pub fn connect(
        login: &Login,
        key: Option<&Path>,
        known_hosts: &Path,
        ask: &dyn Ask,
        accepted: Option<&str>,
    ) -> anyhow::Result<Sftp> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let mut accepted = accepted.map(str::to_owned);
        let session = loop {
            let refused = Arc::new(Mutex::new(None));
            let check = HostCheck {
                host: login.host.clone(),
                port: login.port,
                known_hosts: known_hosts.to_owned(),
                accepted: accepted.clone(),
                refused: refused.clone(),
            };
            let config = Arc::new(client::Config {
                inactivity_timeout: Some(std::time::Duration::from_secs(TIMEOUT_SECONDS)),
                ..client::Config::default()
            });
            let connected = runtime.block_on(client::connect(
                config,
                (login.host.as_str(), login.port),
                check,
            ));
            let refused = refused.lock().unwrap_or_else(|e| e.into_inner()).take();
            match (connected, refused) {
                (Ok(session), _) => break session,
                (Err(_), Some(Refused::Unknown { fingerprint })) => {
                    if accepted.is_none() && ask.trust(&login.host, &fingerprint) {
                        accepted = Some(fingerprint);
                        continue;
                    }
                    bail!(
                        "{}",
                        text!(
                            "publish-host-unknown",
                            host = login.host.as_str(),
                            fingerprint = fingerprint.as_str(),
                            file = known_hosts.display().to_string()
                        )
                    );
                }
                (Err(_), Some(Refused::Changed { fingerprint, line })) => bail!(
                    "{}",
                    text!(
                        "publish-host-changed",
                        host = login.host.as_str(),
                        fingerprint = fingerprint.as_str(),
                        file = known_hosts.display().to_string(),
                        line = line
                    )
                ),
                (Err(_), Some(Refused::Unreadable(reason))) => bail!(
                    "{}",
                    text!(
                        "cannot-read",
                        file = format!("{}: {reason}", known_hosts.display())
                    )
                ),
                (Err(err), None) => {
                    return Err(anyhow::Error::new(err).context(text!(
                        "publish-connect-failed",
                        host = login.host.as_str(),
                        port = usize::from(login.port)
                    )));
                }
            }
        };
        Sftp::log_in(runtime, session, login, key, ask)
    }

    fn log_in(
        runtime: tokio::runtime::Runtime,
        mut session: client::Handle<HostCheck>,
        login: &Login,
        key: Option<&Path>,
        ask: &dyn Ask,
    ) -> anyhow::Result<Sftp> {
        let user = login.user.as_str();
        let refused = || {
            anyhow::anyhow!(
                "{}",
                text!(
                    "publish-login-refused",
                    user = user,
                    host = login.host.as_str()
                )
            )
        };
        let done = match key {
            Some(path) => {
                let secret = match keys::load_secret_key(path, None) {
                    Ok(secret) => secret,
                    Err(keys::Error::KeyIsEncrypted) => {
                        let whose = format!("{}", path.display());
                        let phrase = super::secret(ask, super::PASSWORD_VARIABLE, &whose)?;
                        keys::load_secret_key(path, Some(&phrase)).map_err(|_| refused())?
                    }
                    Err(err) => {
                        return Err(anyhow::Error::new(err)
                            .context(text!("cannot-read", file = path.display().to_string())));
                    }
                };
                let hash = runtime
                    .block_on(session.best_supported_rsa_hash())?
                    .flatten();
                runtime.block_on(session.authenticate_publickey(
                    user,
                    PrivateKeyWithHashAlg::new(Arc::new(secret), hash),
                ))?
            }
            None => {
                let password = super::password(ask, user, &login.host)?;
                runtime.block_on(session.authenticate_password(user, password))?
            }
        };
        if !done.success() {
            return Err(refused());
        }
        let sftp = runtime.block_on(async {
            let channel = session.channel_open_session().await?;
            channel.request_subsystem(true, "sftp").await?;
            let sftp = RawSftpSession::new(channel.into_stream());
            sftp.set_timeout(TIMEOUT_SECONDS);
            let version = sftp.init().await?;
            anyhow::Ok((sftp, version))
        });
        let (sftp, version) =
            sftp.with_context(|| text!("publish-no-sftp", host = login.host.as_str()))?;
        let posix_rename = version.extensions.contains_key("posix-rename@openssh.com");
        Ok(Sftp {
            runtime,
            session,
            sftp,
            login: login.clone(),
            posix_rename,
            folders: Default::default(),
        })
    }

    fn full(&self, path: &str) -> String {
        self.login.join(path)
    }

    /// Creates the folders above `full` that the host may lack.
    async fn make_folders(
        sftp: &RawSftpSession,
        folders: &mut std::collections::HashSet<String>,
        full: &str,
    ) -> anyhow::Result<()> {
        let parent = |path: &str| path.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        let mut missing = Vec::new();
        let mut folder = parent(full);
        // Up from the file to the first folder that is there: one question for a folder
        // an earlier publish made, rather than one per folder from the top.
        while !folder.is_empty() && !folders.contains(&folder) {
            if sftp
                .stat(folder.as_str())
                .await
                .is_ok_and(|a| a.attrs.is_dir())
            {
                folders.insert(folder);
                break;
            }
            let above = parent(&folder);
            missing.push(folder);
            folder = above;
        }
        for folder in missing.into_iter().rev() {
            sftp.mkdir(folder.as_str(), FileAttributes::default())
                .await
                .with_context(|| folder.clone())?;
            folders.insert(folder);
        }
        Ok(())
    }
}

fn is_missing(err: &SftpError) -> bool {
    matches!(err, SftpError::Status(s) if s.status_code == StatusCode::NoSuchFile)
}

impl Remote for Sftp {
    fn get(&mut self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let full = self.full(path);
        let sftp = &self.sftp;
        self.runtime.block_on(async {
            let handle = match sftp
                .open(full.as_str(), OpenFlags::READ, FileAttributes::default())
                .await
            {
                Ok(handle) => handle.handle,
                Err(err) if is_missing(&err) => return Ok(None),
                Err(err) => return Err(anyhow::Error::new(err).context(full)),
            };
            let mut bytes = Vec::new();
            loop {
                match sftp
                    .read(handle.as_str(), bytes.len() as u64, CHUNK as u32)
                    .await
                {
                    Ok(data) if !data.data.is_empty() => bytes.extend(data.data),
                    Ok(_) => break,
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => break,
                    Err(err) => return Err(anyhow::Error::new(err).context(full)),
                }
            }
            sftp.close(handle).await?;
            Ok(Some(bytes))
        })
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.full(path);
        let partial = super::partial_name(&full);
        let Sftp {
            runtime,
            sftp,
            folders,
            posix_rename,
            ..
        } = self;
        runtime.block_on(async {
            Sftp::make_folders(sftp, folders, &full).await?;
            let flags = OpenFlags::CREATE | OpenFlags::TRUNCATE | OpenFlags::WRITE;
            let handle = sftp
                .open(partial.as_str(), flags, FileAttributes::default())
                .await
                .with_context(|| partial.clone())?
                .handle;
            let chunks: Vec<(usize, &[u8])> = bytes.chunks(CHUNK).enumerate().collect();
            for batch in chunks.chunks(IN_FLIGHT) {
                let writes = batch.iter().map(|(i, chunk)| {
                    sftp.write(handle.as_str(), (i * CHUNK) as u64, chunk.to_vec())
                });
                futures::future::try_join_all(writes)
                    .await
                    .with_context(|| partial.clone())?;
            }
            sftp.close(handle).await.with_context(|| partial.clone())?;
            if *posix_rename {
                let mut data = Vec::new();
                for name in [&partial, &full] {
                    data.extend((name.len() as u32).to_be_bytes());
                    data.extend(name.as_bytes());
                }
                let answer = sftp
                    .extended("posix-rename@openssh.com", data)
                    .await
                    .with_context(|| full.clone())?;
                if let russh_sftp::protocol::Packet::Status(status) = answer
                    && status.status_code != StatusCode::Ok
                {
                    bail!("{full}: {}", status.error_message);
                }
            } else {
                match sftp.remove(full.as_str()).await {
                    Ok(_) => {}
                    Err(err) if is_missing(&err) => {}
                    Err(err) => return Err(anyhow::Error::new(err).context(full)),
                }
                sftp.rename(partial.as_str(), full.as_str())
                    .await
                    .with_context(|| full.clone())?;
            }
            Ok(())
        })
    }

    fn delete(&mut self, path: &str) -> anyhow::Result<()> {
        let full = self.full(path);
        match self.runtime.block_on(self.sftp.remove(full.as_str())) {
            Ok(_) => Ok(()),
            Err(err) if is_missing(&err) => Ok(()),
            Err(err) => Err(anyhow::Error::new(err).context(full)),
        }
    }

    fn remove_folder(&mut self, path: &str) {
        let full = self.full(path);
        // A folder holding files ditich did not put there stays, with them.
        let _ = self.runtime.block_on(self.sftp.rmdir(full.as_str()));
        self.folders.remove(&full);
    }

    fn close(&mut self) -> anyhow::Result<()> {
        let _ = self.sftp.close_session();
        self.runtime.block_on(self.session.disconnect(
            russh::Disconnect::ByApplication,
            "",
            "en",
        ))?;
        Ok(())
    }
}
