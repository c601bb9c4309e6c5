//! Real servers for `ditich publish` to send to, each started by the test on 127.0.0.1 in a
//! folder of its own and stopped when dropped: OpenSSH's sshd for SFTP, vsftpd for FTP and
//! FTPS, moto for S3. Each keeps the server's own log of what it received, which is how the
//! tests tell what a publish sent. [`Cut`] stands between ditich and a server to drop the
//! connection mid-upload.

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::tools::available;

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `port` takes connections, failing with the server's log if it died first.
fn wait_for(port: u16, child: &mut Child, log: &Path, what: &str) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        let log = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(status) = child.try_wait().unwrap() {
            panic!("{what} exited ({status}) before listening on {port}:\n{log}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{what} did not listen on {port}:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn is_root() -> bool {
    run(Command::new("id").arg("-u")).trim() == "0"
}

/// A server process, killed when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The site's path, as a server's log names a file that was written under `folder`: the
/// temporary name ditich writes to (`den-a/.index.html.ditich-part`) stands for the file.
fn site_path(folder: &Path, logged: &str) -> Option<String> {
    let relative = Path::new(logged).strip_prefix(folder).ok()?;
    let relative = relative.to_string_lossy();
    let (dir, name) = match relative.rsplit_once('/') {
        Some((dir, name)) => (format!("{dir}/"), name),
        None => (String::new(), &*relative),
    };
    let name = name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(".ditich-part"))
        .unwrap_or(name);
    Some(format!("{dir}{name}"))
}

/// OpenSSH's sshd, letting in the user running the tests by a key made for it.
pub struct Sshd {
    _process: Process,
    dir: TempDir,
    pub port: u16,
    pub user: String,
    /// The folder the site is published into.
    pub folder: PathBuf,
    pub client_key: PathBuf,
}

impl Sshd {
    pub fn start(test: &str) -> Option<Sshd> {
        if !Path::new("/usr/sbin/sshd").exists() {
            crate::tools::skip_or_fail(test, "sshd (Debian package openssh-server)");
            return None;
        }
        if !available(test, "ssh-keygen", "openssh-client") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for key in ["host", "client"] {
            run(Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", "", "-f"])
                .arg(d.join(key)));
        }
        std::fs::copy(d.join("client.pub"), d.join("authorized_keys")).unwrap();
        // sftp-server's own log of every file opened, renamed and removed; internal-sftp
        // would log to syslog only.
        let sftp = d.join("sftp-logged");
        std::fs::write(
            &sftp,
            format!(
                "#!/bin/sh\nexec /usr/lib/openssh/sftp-server -e -l INFO 2>>{}\n",
                d.join("sftp.log").display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&sftp, std::fs::Permissions::from_mode(0o755)).unwrap();
        let port = free_port();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host\nPidFile {d}/sshd.pid\n\
             AuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\n\
             PasswordAuthentication yes\nKbdInteractiveAuthentication no\n\
             PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n\
             Subsystem sftp {sftp}\nLogLevel VERBOSE\n",
            d = d.display(),
            sftp = sftp.display()
        );
        std::fs::write(d.join("sshd_config"), config).unwrap();
        // Root's sshd will not start without its privilege separation folder.
        if is_root() {
            std::fs::create_dir_all("/run/sshd").unwrap();
        }
        let log = d.join("sshd.log");
        let mut child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        wait_for(port, &mut child, &log, "sshd");
        let folder = d.join("www").join("du-lich");
        Some(Sshd {
            _process: Process(child),
            port,
            user: run(Command::new("id").arg("-un")).trim().to_owned(),
            folder,
            client_key: d.join("client"),
            dir,
        })
    }

    /// The `known_hosts` line that trusts this server on `port` (its own, or a [`Cut`]'s).
    pub fn known_hosts_line(&self, port: u16) -> String {
        let key = std::fs::read_to_string(self.dir.path().join("host.pub")).unwrap();
        format!("[127.0.0.1]:{port} {}\n", key.trim())
    }

    /// `[publish]` for this server, reached on `port` (its own, or a [`Cut`]'s), logging in
    /// with the client key or, without `key`, a password; `known_hosts` in the project.
    pub fn settings(&self, port: u16, key: bool) -> String {
        let mut settings = format!(
            "[publish]\nurl = \"sftp://{}@127.0.0.1:{port}{}\"\nknown_hosts = \"known_hosts\"\n",
            self.user,
            self.folder.display()
        );
        if key {
            settings += &format!("key = \"{}\"\n", self.client_key.display());
        }
        settings
    }

    /// The host key's fingerprint, as `ssh-keygen -l` prints it: `SHA256:…`.
    pub fn fingerprint(&self) -> String {
        let line = run(Command::new("ssh-keygen")
            .arg("-lf")
            .arg(self.dir.path().join("host.pub")));
        line.split_whitespace().nth(1).unwrap().to_owned()
    }

    /// Every file of the site written since the last call, by the server's log, in order.
    pub fn written(&self) -> Vec<String> {
        let log = self.dir.path().join("sftp.log");
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        std::fs::write(&log, "").unwrap();
        text.lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("open \"")?;
                let (path, flags) = rest.split_once('"')?;
                flags
                    .contains("WRITE")
                    .then(|| site_path(&self.folder, path))?
            })
            .collect()
    }
}

/// The local user vsftpd lets in; it logs in through PAM, as on a real host.
pub const FTP_USER: &str = "ditich-ftp";
pub const FTP_PASSWORD: &str = "mat-khau-thu";

/// vsftpd with one local user, plain or with explicit TLS required for everything.
pub struct Vsftpd {
    _process: Process,
    dir: TempDir,
    pub port: u16,
    /// The folder the site is published into, writable by [`FTP_USER`].
    pub folder: PathBuf,
    /// The server's certificate, for `ca =`.
    pub certificate: PathBuf,
}

impl Vsftpd {
    pub fn start(test: &str, tls: bool) -> Option<Vsftpd> {
        if !Path::new("/usr/sbin/vsftpd").exists() {
            crate::tools::skip_or_fail(test, "vsftpd (Debian package vsftpd)");
            return None;
        }
        if !is_root() {
            // Its logins are the machine's users, checked by PAM, which only root may do.
            crate::tools::skip_or_fail(test, "root, to run vsftpd with a user of its own");
            return None;
        }
        if !available(test, "openssl", "openssl") {
            return None;
        }
        ensure_ftp_user();
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let folder = d.join("www").join("du-lich");
        std::fs::create_dir_all(d.join("www")).unwrap();
        run(Command::new("chown")
            .arg(format!("{FTP_USER}:"))
            .arg(d.join("www")));
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        let certificate = certificate(d);
        std::fs::create_dir_all("/var/run/vsftpd/empty").unwrap();
        let port = free_port();
        let passive = free_port();
        let mut config = format!(
            "listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\n\
             background=NO\nanonymous_enable=NO\nlocal_enable=YES\nwrite_enable=YES\n\
             local_umask=022\npam_service_name=vsftpd\nseccomp_sandbox=NO\npasv_enable=YES\n\
             pasv_address=127.0.0.1\npasv_min_port={passive}\npasv_max_port={}\n\
             secure_chroot_dir=/var/run/vsftpd/empty\nxferlog_enable=YES\n\
             log_ftp_protocol=YES\nvsftpd_log_file={}\n",
            passive + 20,
            d.join("vsftpd.log").display()
        );
        if tls {
            config += &format!(
                "ssl_enable=YES\nrsa_cert_file={}\nrsa_private_key_file={}\n\
                 force_local_logins_ssl=YES\nforce_local_data_ssl=YES\nssl_sslv2=NO\n\
                 ssl_sslv3=NO\nssl_tlsv1=NO\nrequire_ssl_reuse=YES\n",
                certificate.display(),
                d.join("key.pem").display()
            );
        }
        std::fs::write(d.join("vsftpd.conf"), config).unwrap();
        let log = d.join("vsftpd.out");
        let mut child = Command::new("/usr/sbin/vsftpd")
            .arg(d.join("vsftpd.conf"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        wait_for(port, &mut child, &log, "vsftpd");
        Some(Vsftpd {
            _process: Process(child),
            dir,
            port,
            folder,
            certificate,
        })
    }

    /// Every file of the site written since the last call, by vsftpd's log, in order.
    pub fn written(&self) -> Vec<String> {
        let log = self.dir.path().join("vsftpd.log");
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        std::fs::write(&log, "").unwrap();
        // `… [ditich-ftp] OK UPLOAD: Client "127.0.0.1", "/tmp/…/.index.html.ditich-part", 6402 bytes, …`
        text.lines()
            .filter(|line| line.contains("OK UPLOAD:"))
            .filter_map(|line| {
                let path = line.split('"').nth(3)?;
                site_path(&self.folder, path)
            })
            .collect()
    }
}

/// A certificate for 127.0.0.1 that no authority signed, `cert.pem` in `dir`, with its key in
/// `key.pem`: what rustls accepts of a server's own certificate.
fn certificate(dir: &Path) -> PathBuf {
    let certificate = dir.join("cert.pem");
    run(Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args(["-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(&certificate)
        .stderr(Stdio::null()));
    certificate
}

/// Makes [`FTP_USER`] if the machine lacks it, and gives it [`FTP_PASSWORD`]. Tests run in
/// parallel, and two must not add the user at once.
fn ensure_ftp_user() {
    static MADE: std::sync::Mutex<bool> = std::sync::Mutex::new(false);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if *made {
        return;
    }
    let exists = Command::new("id")
        .arg(FTP_USER)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success();
    if !exists {
        // PAM lets in only users whose shell /etc/shells lists.
        run(Command::new("useradd")
            .args(["--no-create-home", "--home-dir", "/", "--shell", "/bin/sh"])
            .arg(FTP_USER));
    }
    let mut chpasswd = Command::new("chpasswd")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(chpasswd.stdin.take().unwrap(), "{FTP_USER}:{FTP_PASSWORD}").unwrap();
    assert!(chpasswd.wait().unwrap().success());
    *made = true;
}

/// moto's S3 server over HTTPS, with a certificate of its own and one bucket.
pub struct Moto {
    _process: Process,
    dir: TempDir,
    python: PathBuf,
    pub port: u16,
    /// The server's certificate, for `ca =`.
    pub certificate: PathBuf,
}

pub const BUCKET: &str = "du-lich";

impl Moto {
    pub fn start(test: &str) -> Option<Moto> {
        let python = crate::tools::python_tools(test, "publish")?;
        if !available(test, "openssl", "openssl") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let certificate = certificate(dir.path());
        let port = free_port();
        let log = dir.path().join("moto.log");
        let mut child = Command::new(python)
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p"])
            .arg(port.to_string())
            .arg("--ssl-cert")
            .arg(&certificate)
            .arg("--ssl-key")
            .arg(dir.path().join("key.pem"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        wait_for(port, &mut child, &log, "moto");
        let moto = Moto {
            _process: Process(child),
            dir,
            python: python.to_owned(),
            port,
            certificate,
        };
        moto.boto(&format!("s3.create_bucket(Bucket='{BUCKET}')"));
        moto.written();
        Some(moto)
    }

    /// Runs a line of Python with `s3`, a boto3 client of this server.
    pub fn boto(&self, line: &str) -> String {
        let script = format!(
            "import boto3, json\n\
             s3 = boto3.client('s3', endpoint_url='https://127.0.0.1:{}', region_name='us-east-1',\n\
               aws_access_key_id='test', aws_secret_access_key='test', verify='{}')\n\
             print(json.dumps({line}, default=str))\n",
            self.port,
            self.certificate.display()
        );
        run(Command::new(&self.python)
            .arg("-c")
            .arg(script)
            .env("NO_PROXY", "*"))
    }

    /// The keys of the bucket with their bytes.
    pub fn objects(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        let listed = self.boto(&format!(
            "{{o['Key']: list(s3.get_object(Bucket='{BUCKET}', Key=o['Key'])['Body'].read()) \
             for p in s3.get_paginator('list_objects_v2').paginate(Bucket='{BUCKET}') \
             for o in p.get('Contents', [])}}"
        ));
        serde_json::from_str(&listed).unwrap()
    }

    /// Every key written since the last call, by the server's request log, in order.
    pub fn written(&self) -> Vec<String> {
        let log = self.dir.path().join("moto.log");
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        std::fs::write(&log, "").unwrap();
        // `127.0.0.1 - - [date] "PUT /du-lich/den-a/index.html HTTP/1.1" 200 -`
        let prefix = format!("\"PUT /{BUCKET}/");
        text.lines()
            .filter(|line| line.contains("\" 200 "))
            .filter_map(|line| {
                let rest = &line[line.find(&prefix)? + prefix.len()..];
                let key = rest.split_once(' ')?.0;
                Some(
                    percent_encoding::percent_decode_str(key)
                        .decode_utf8_lossy()
                        .into_owned(),
                )
            })
            .collect()
    }
}

/// A relay on 127.0.0.1 to a server that drops its first connection after `limit` bytes from
/// the client, as a rural link does; the connections after it pass whole.
pub struct Cut {
    pub port: u16,
    stop: Arc<AtomicBool>,
}

impl Cut {
    pub fn start(to: u16, limit: u64) -> Cut {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            let mut first = true;
            for client in listener.incoming() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(client) = client else { continue };
                let server = TcpStream::connect(("127.0.0.1", to)).unwrap();
                let limit = if first { limit } else { u64::MAX };
                first = false;
                relay(client, server, limit);
            }
        });
        Cut { port, stop }
    }
}

impl Drop for Cut {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Copies both ways until either side closes, or until `limit` bytes came from the client:
/// then closes both, mid-transfer.
fn relay(client: TcpStream, server: TcpStream, limit: u64) {
    let sent = Arc::new(AtomicU64::new(0));
    let pairs = [
        (
            client.try_clone().unwrap(),
            server.try_clone().unwrap(),
            true,
        ),
        (server, client, false),
    ];
    for (mut from, mut to, counted) in pairs {
        let sent = sent.clone();
        std::thread::spawn(move || {
            let mut buffer = [0; 16 * 1024];
            loop {
                let n = match from.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                if counted && sent.fetch_add(n as u64, Ordering::Relaxed) + n as u64 > limit {
                    break;
                }
                if to.write_all(&buffer[..n]).is_err() {
                    break;
                }
            }
            let _ = from.shutdown(Shutdown::Both);
            let _ = to.shutdown(Shutdown::Both);
        });
    }
}
