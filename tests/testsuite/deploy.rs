//! The built site on a real web server: Debian's Apache, started on 127.0.0.1 with the
//! site's `.htaccess` in force, and a build made on a disk that ignores case, as Windows
//! disks do, then uploaded to a server that does not.

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::project::Project;

/// The fixture's `base_url` path, under which the server publishes the site.
const BASE: &str = "/du-lich/";

/// Apache serving `site` under [`BASE`], as shared hosting does: the site's `.htaccess` may
/// override everything. Stopped when dropped.
struct Apache {
    child: Child,
    port: u16,
    _dir: TempDir,
}

impl Apache {
    fn serve(site: &Path) -> Apache {
        let dir = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let modules = [
            "mpm_event",
            "authz_core",
            "mime",
            "dir",
            "alias",
            "headers",
            "rewrite",
        ]
        .map(|m| format!("LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n"))
        .concat();
        let run = dir.path().display();
        // Apache will not serve as root, and CI runs as root: it serves as www-data, which
        // reads the site through folders anyone may enter.
        let config = format!(
            "{modules}ServerName 127.0.0.1\nListen 127.0.0.1:{port}\nUser www-data\nGroup www-data\n\
             DefaultRuntimeDir {run}\nPidFile {run}/apache.pid\nErrorLog {run}/error.log\n\
             TypesConfig /etc/mime.types\nDirectoryIndex index.html\n\
             Alias {BASE} \"{site}/\"\n\
             <Directory \"{site}\">\nAllowOverride All\nRequire all granted\n</Directory>\n",
            site = site.display()
        );
        let conf = dir.path().join("apache.conf");
        std::fs::write(&conf, config).unwrap();
        open_to_all(site);
        let child = Command::new("/usr/sbin/apache2")
            .arg("-f")
            .arg(&conf)
            .arg("-DFOREGROUND")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let apache = Apache {
            child,
            port,
            _dir: dir,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let log = std::fs::read_to_string(apache._dir.path().join("error.log"));
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "Apache did not start: {log:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        apache
    }

    /// GETs `path` under the base path: the status, the headers (names in lowercase) and
    /// the body.
    fn get(&self, path: &str) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {BASE}{path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        Response {
            path: path.to_owned(),
            status,
            headers,
            body: body.to_owned(),
        }
    }
}

impl Drop for Apache {
    fn drop(&mut self) {
        // SIGTERM: the parent then stops its workers, which SIGKILL would leave serving.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    path: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    #[track_caller]
    fn is(&self, status: u16) -> &Response {
        assert_eq!(self.status, status, "{}: {self:?}", self.path);
        self
    }

    #[track_caller]
    fn has(&self, name: &str, value: &str) -> &Response {
        assert_eq!(self.header(name), value, "{} {name}: {self:?}", self.path);
        self
    }

    /// Whether it is the landing page of DT01, whose links lead to den-a.
    #[track_caller]
    fn opens_dt01(&self) {
        self.is(200);
        assert!(
            self.body.contains("(DT01)") && self.body.contains("../../den-a/"),
            "{}: {self:?}",
            self.path
        );
    }
}

/// Lets the server's own user into `dir` and the folders above it (temporary folders are
/// private to their owner).
fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    for folder in dir
        .ancestors()
        .take_while(|f| f.starts_with(std::env::temp_dir()))
    {
        let mut permissions = std::fs::metadata(folder).unwrap().permissions();
        permissions.set_mode(permissions.mode() | 0o755);
        std::fs::set_permissions(folder, permissions).unwrap();
    }
}

/// What every copy of the fixture must answer, wherever it was built.
fn answers_like_the_guide(apache: &Apache) {
    // Both printed forms of the code, and a mistype in between.
    for path in ["Q/DT01/", "q/dt01/", "Q/dt01/", "q/DT01/"] {
        apache.get(path).opens_dt01();
    }
    let missing = apache.get("khong-co/trang/nay/");
    missing.is(404);
    assert!(missing.body.contains("data-not-found"), "{missing:?}");
}

/// Whether Debian's Apache is installed, saying so when it is not.
fn apache_here(test: &str) -> bool {
    Path::new("/usr/sbin/apache2").is_file() || crate::tools::available(test, "apache2", "apache2")
}

#[test]
fn apache_serves_the_site_with_its_types_cache_rules_and_404_page() {
    if !apache_here("apache_serves_the_site_with_its_types_cache_rules_and_404_page") {
        return;
    }
    let project = Project::fixture("two-relics");
    project.build().success();
    let apache = Apache::serve(&project.output());

    apache
        .get("manifest.webmanifest")
        .is(200)
        .has("content-type", "application/manifest+json; charset=utf-8")
        .has("cache-control", "max-age=300");
    apache
        .get("data/relics.geojson")
        .is(200)
        .has("content-type", "application/geo+json; charset=utf-8");
    apache
        .get("sw.js")
        .is(200)
        .has("content-type", "text/javascript; charset=utf-8")
        .has("cache-control", "no-cache");
    apache
        .get("den-a/")
        .is(200)
        .has("content-type", "text/html; charset=utf-8")
        .has("cache-control", "max-age=300");
    apache
        .get("den-a/cover-400.jpg")
        .is(200)
        .has("content-type", "image/jpeg")
        .has("cache-control", "max-age=604800");
    answers_like_the_guide(&apache);
}

/// An NTFS disk image, as a Windows PC's, mounted through ntfs-3g. The kernel here has no
/// case-insensitive file system of its own (no vfat, ext4 without casefold's Unicode tables,
/// XFS without ascii-ci), so the disk is mounted through FUSE. Unmounted when dropped.
struct WindowsDisk {
    image: PathBuf,
    mount: PathBuf,
    _dir: TempDir,
}

impl WindowsDisk {
    /// `None`, with the reason printed, when this machine cannot mount it (no FUSE).
    fn new() -> Option<WindowsDisk> {
        let dir = tempfile::tempdir().unwrap();
        let image = dir.path().join("windows.img");
        std::fs::File::create(&image)
            .unwrap()
            .set_len(64 << 20)
            .unwrap();
        let mkntfs = Command::new("mkntfs")
            .args(["-q", "-F", "-f"])
            .arg(&image)
            .output()
            .unwrap_or_else(|e| {
                panic!("mkntfs and ntfs-3g (Debian package ntfs-3g) are needed: {e}")
            });
        assert!(mkntfs.status.success(), "{mkntfs:?}");
        let disk = WindowsDisk {
            mount: dir.path().join("C"),
            image,
            _dir: dir,
        };
        std::fs::create_dir(&disk.mount).unwrap();
        // Windows keeps the case a name was written in and finds it in any case.
        match disk.mount_with(&["-o", "ignore_case"]) {
            Ok(()) => Some(disk),
            Err(reason) => {
                crate::tools::skip_or_fail(
                    "a_site_built_on_a_windows_disk_answers_both_spellings_once_uploaded",
                    &format!("a case-insensitive disk mounted through FUSE ({reason})"),
                );
                None
            }
        }
    }

    fn mount_with(&self, options: &[&str]) -> Result<(), String> {
        let mounted = Command::new("lowntfs-3g")
            .args(options)
            .arg(&self.image)
            .arg(&self.mount)
            .output()
            .map_err(|e| format!("lowntfs-3g: {e}"))?;
        if mounted.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&mounted.stderr).into_owned())
        }
    }

    fn unmount(&self) {
        let status = Command::new("umount").arg(&self.mount).status().unwrap();
        assert!(status.success(), "umount {}", self.mount.display());
    }

    /// Copies `folder` of the disk, with each name in the case the disk keeps it in, as an
    /// upload from Windows does. ntfs-3g lists names in lowercase while it ignores case, so
    /// the disk is mounted again as it is.
    fn upload(&self, folder: &str, to: &Path) {
        self.unmount();
        self.mount_with(&["-o", "ro"]).unwrap();
        let status = Command::new("cp")
            .arg("-r")
            .arg(self.mount.join(folder))
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for WindowsDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.mount).status();
    }
}

#[test]
fn a_site_built_on_a_windows_disk_answers_both_spellings_once_uploaded() {
    let test = "a_site_built_on_a_windows_disk_answers_both_spellings_once_uploaded";
    if !apache_here(test) || !crate::tools::available(test, "mkntfs", "ntfs-3g") {
        return;
    }
    let Some(disk) = WindowsDisk::new() else {
        return;
    };
    let project = Project::fixture("two-relics");
    let out = disk.mount.join("output");
    let build = || {
        project
            .ditich(&["build", "--out", out.to_str().unwrap()])
            .success();
    };
    build();
    // An older ditich wrote both landing pages into one folder, named in the case of
    // whichever came first: here the typed one.
    disk.unmount();
    disk.mount_with(&[]).unwrap();
    std::fs::rename(out.join("Q"), out.join("q")).unwrap();
    std::fs::rename(out.join("q/DT01"), out.join("q/dt01")).unwrap();
    disk.unmount();
    disk.mount_with(&["-o", "ignore_case"]).unwrap();
    // Built twice more: the second build reuses that output's folders.
    build();
    build();
    let server = tempfile::tempdir().unwrap();
    let site = server.path().join("du-lich");
    disk.upload("output", &site);
    // The code inside the QR has its folder; the typed form is left to .htaccess.
    assert!(site.join("Q/DT01/index.html").is_file());
    assert!(!site.join("q").exists());
    let apache = Apache::serve(&site);
    answers_like_the_guide(&apache);
}
