//! `ditich publish` against real servers on 127.0.0.1 (see `servers.rs`): sshd for SFTP,
//! vsftpd for FTP and FTPS, moto for S3. What each publish sent is read from the server's own
//! log, and what the host holds from its folder or bucket.

use std::collections::BTreeMap;

use crate::project::{Project, Run, files};
use crate::servers::{BUCKET, Cut, FTP_PASSWORD, FTP_USER, Moto, Sshd, Vsftpd};

/// A server the site is published to, as the tests see it.
trait Host {
    /// `[publish]` for `project`, which these tests write into its `site.toml`.
    fn settings(&self, project: &Project) -> String;
    /// The files of the site written since the last call, by the server's log, in order.
    fn written(&self) -> Vec<String>;
    /// What the host holds, by path.
    fn files(&self) -> BTreeMap<String, Vec<u8>>;
    /// The environment a publish to it needs: its password or secret.
    fn secret(&self) -> (&'static str, String);
}

impl Host for Sshd {
    fn settings(&self, project: &Project) -> String {
        project.write("known_hosts", self.known_hosts_line(self.port));
        sftp_settings(self, self.port)
    }
    fn written(&self) -> Vec<String> {
        Sshd::written(self)
    }
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        files(&self.folder)
    }
    fn secret(&self) -> (&'static str, String) {
        ("DITICH_PUBLISH_PASSWORD", String::new())
    }
}

fn sftp_settings(sshd: &Sshd, port: u16) -> String {
    sshd.settings(port, true)
}

/// vsftpd, and whether the publish goes over TLS.
struct Ftp(Vsftpd, bool);

impl Host for Ftp {
    fn settings(&self, _: &Project) -> String {
        let Ftp(server, tls) = self;
        let scheme = if *tls { "ftps" } else { "ftp" };
        // `%2F`: from the top of the server's disk, not from the login's folder.
        let mut settings = format!(
            "[publish]\nurl = \"{scheme}://{FTP_USER}@127.0.0.1:{}/%2F{}\"\n",
            server.port,
            server.folder.display().to_string().trim_start_matches('/')
        );
        if *tls {
            settings += &format!("ca = \"{}\"\n", server.certificate.display());
        }
        settings
    }
    fn written(&self) -> Vec<String> {
        self.0.written()
    }
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        files(&self.0.folder)
    }
    fn secret(&self) -> (&'static str, String) {
        ("DITICH_PUBLISH_PASSWORD", FTP_PASSWORD.to_owned())
    }
}

impl Host for Moto {
    fn settings(&self, _: &Project) -> String {
        format!(
            "[publish]\nurl = \"s3://{BUCKET}/site\"\nendpoint = \"https://127.0.0.1:{}\"\naccess_key = \"test\"\nca = \"{}\"\n",
            self.port,
            self.certificate.display()
        )
    }
    fn written(&self) -> Vec<String> {
        Moto::written(self)
            .into_iter()
            .filter_map(|key| key.strip_prefix("site/").map(str::to_owned))
            .collect()
    }
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        self.objects()
            .into_iter()
            .filter_map(|(key, bytes)| Some((key.strip_prefix("site/")?.to_owned(), bytes)))
            .collect()
    }
    fn secret(&self) -> (&'static str, String) {
        ("DITICH_PUBLISH_SECRET", "test".to_owned())
    }
}

const MANIFEST: &str = ".ditich-published.gz";

/// `ditich publish` with `args`, given the host's secret, as a script runs it.
fn publish(project: &Project, host: &dyn Host, args: &[&str]) -> Run {
    let (variable, value) = host.secret();
    let mut command = project.command(&[&["publish"], args].concat());
    command.env(variable, value).env("NO_PROXY", "*");
    Run::from(command.output().unwrap())
}

/// The output's files as the host should hold them: all but ditich's own lists.
fn published(project: &Project) -> BTreeMap<String, Vec<u8>> {
    let mut files = files(&project.output());
    files.retain(|path, _| !path.starts_with(".ditich-"));
    files
}

/// The host's files but the manifest.
fn site_on(host: &dyn Host) -> BTreeMap<String, Vec<u8>> {
    let mut files = host.files();
    assert!(
        files.remove(MANIFEST).is_some(),
        "the host has no {MANIFEST}"
    );
    files
}

/// The files a build changed, added or removed, between two listings.
fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path.clone())
        .collect()
}

fn is_page(path: &str) -> bool {
    let asset = [".jpg", ".webp", ".png", ".css", ".svg", ".js"]
        .iter()
        .any(|e| path.ends_with(e));
    path == "sw.js" || !asset
}

/// The whole life of a published guide on one host: the first publish, nothing to do, one
/// edit, a printed relic retired, and a copy of the project that lost its plaques.toml.
fn publishes_what_changed(project: &Project, host: &dyn Host) {
    project.ditich(&["posters", "DT01"]).success();
    let settings = host.settings(project);
    project.write(
        "site.toml",
        format!("{}\n{settings}", project.read("site.toml")),
    );

    // The first publish sends everything: assets, then pages, the service worker, the manifest.
    publish(project, host, &[]).success().stderr_has(&[
        "connecting to",
        "published to",
        "0 deleted",
    ]);
    let local = published(project);
    assert_eq!(site_on(host), local);
    let sent = host.written();
    let mut sorted = sent.clone();
    sorted.sort();
    let mut all: Vec<String> = local.keys().cloned().chain([MANIFEST.to_owned()]).collect();
    all.sort();
    assert_eq!(sorted, all, "the first publish sends each file once");
    assert_eq!(&sent[sent.len() - 2..], ["sw.js", MANIFEST]);
    let first_page = sent.iter().position(|p| is_page(p)).unwrap();
    let last_asset = sent.iter().rposition(|p| !is_page(p)).unwrap();
    assert!(
        last_asset < first_page,
        "an asset was sent after a page: {sent:?}"
    );

    // Nothing changed: nothing is sent.
    publish(project, host, &[])
        .success()
        .stderr_has(&["already has this build: nothing to send"]);
    assert_eq!(host.written(), Vec::<String>::new());

    // One edit: the pages it changed, the service worker, and the manifest.
    project.edit("sites/den-a/index.md", "Đền thờ", "Đền thờ Thánh Mẫu");
    let dry = publish(project, host, &["--dry-run"]).success();
    assert!(
        dry.stdout.contains("~ den-a/index.html ("),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("~ sw.js ("), "{}", dry.stdout);
    assert_eq!(
        host.written(),
        Vec::<String>::new(),
        "a dry run sends nothing"
    );
    assert_eq!(site_on(host), local, "a dry run changes nothing");
    publish(project, host, &[]).success();
    let edited = published(project);
    let mut expected = changed(&local, &edited);
    assert!(
        expected.contains(&"den-a/index.html".to_owned()),
        "{expected:?}"
    );
    assert!(expected.len() <= 3, "one edit changed {expected:?}");
    expected.retain(|p| p != "sw.js");
    expected.extend(["sw.js".to_owned(), MANIFEST.to_owned()]);
    assert_eq!(host.written(), expected);
    assert_eq!(site_on(host), edited);

    // A printed relic retired: its pages are deleted, its landing now opens the other relic.
    project
        .ditich(&["retire", "den-a", "--to", "DT02"])
        .success();
    let run = publish(project, host, &[]).success();
    let retired = published(project);
    assert!(!retired.contains_key("den-a/index.html"));
    assert!(retired.contains_key("Q/DT01/index.html"));
    assert_eq!(site_on(host), retired);
    let deleted = edited.keys().filter(|p| !retired.contains_key(*p)).count();
    assert!(deleted > 0);
    assert!(
        run.stderr.contains(&format!("{deleted} deleted")),
        "{}",
        run.stderr
    );

    // A copy of the project without plaques.toml no longer builds DT01's landing; the host
    // keeps it, since the code is printed.
    std::fs::remove_file(project.path("plaques.toml")).unwrap();
    std::fs::remove_dir_all(project.path("retired")).unwrap();
    let landing = host.files()["Q/DT01/index.html"].clone();
    publish(project, host, &[])
        .success()
        .stderr_has(&["Q/DT01/index.html is no longer built, but stays on the host"]);
    let host_files = host.files();
    assert_eq!(host_files["Q/DT01/index.html"], landing);
    assert!(!published(project).contains_key("Q/DT01/index.html"));
}

#[test]
fn publishes_over_sftp_only_what_changed() {
    let Some(sshd) = Sshd::start("publishes_over_sftp_only_what_changed") else {
        return;
    };
    publishes_what_changed(&Project::fixture("two-relics"), &sshd);
}

#[test]
fn publishes_over_ftp_only_what_changed() {
    let Some(vsftpd) = Vsftpd::start("publishes_over_ftp_only_what_changed", false) else {
        return;
    };
    publishes_what_changed(&Project::fixture("two-relics"), &Ftp(vsftpd, false));
}

#[test]
fn publishes_over_ftps_only_what_changed() {
    let Some(vsftpd) = Vsftpd::start("publishes_over_ftps_only_what_changed", true) else {
        return;
    };
    publishes_what_changed(&Project::fixture("two-relics"), &Ftp(vsftpd, true));
}

#[test]
fn publishes_to_an_s3_bucket_only_what_changed() {
    let Some(moto) = Moto::start("publishes_to_an_s3_bucket_only_what_changed") else {
        return;
    };
    publishes_what_changed(&Project::fixture("two-relics"), &moto);
    // The bucket serves each file with the type and lifetime .htaccess gives Apache.
    let head = |key: &str| {
        moto.boto(&format!(
            "(lambda h: [h['ContentType'], h.get('CacheControl')])(s3.head_object(Bucket='{BUCKET}', Key='site/{key}'))"
        ))
    };
    assert_eq!(
        head("index.html").trim(),
        r#"["text/html; charset=utf-8", "max-age=300"]"#
    );
    assert_eq!(
        head("sw.js").trim(),
        r#"["text/javascript; charset=utf-8", "no-cache"]"#
    );
    assert_eq!(
        head("manifest.webmanifest").trim(),
        r#"["application/manifest+json; charset=utf-8", "max-age=300"]"#
    );
    // Without `ca`, the server's own certificate is not trusted.
    Host::written(&moto);
    let project = Project::fixture("two-relics");
    let settings: String = moto
        .settings(&project)
        .lines()
        .filter(|l| !l.starts_with("ca ="))
        .map(|l| format!("{l}\n"))
        .collect();
    project.write(
        "site.toml",
        format!("{}\n{settings}", project.read("site.toml")),
    );
    let run = publish(&project, &moto, &[]).failure();
    assert!(run.stderr.contains("certificate"), "{}", run.stderr);
    assert_eq!(Host::written(&moto), Vec::<String>::new());
}

#[test]
fn a_publish_cut_short_goes_on_where_it_stopped() {
    let Some(sshd) = Sshd::start("a_publish_cut_short_goes_on_where_it_stopped") else {
        return;
    };
    let project = Project::fixture("two-relics");
    project.build().success();
    let local = published(&project);
    let total: usize = local.values().map(Vec::len).sum();
    // The first connection drops when half the site has gone up.
    let cut = Cut::start(sshd.port, total as u64 / 2);
    project.write("known_hosts", sshd.known_hosts_line(cut.port));
    project.write(
        "site.toml",
        format!(
            "{}\n{}",
            project.read("site.toml"),
            sftp_settings(&sshd, cut.port)
        ),
    );

    let run = publish(&project, &sshd, &[]).failure();
    assert!(run.stderr.contains("could not send"), "{}", run.stderr);
    assert!(
        run.stderr.contains("the next publish goes on from here"),
        "{}",
        run.stderr
    );
    let first = sshd.written();
    assert!(!first.is_empty() && first.len() < local.len(), "{first:?}");
    assert!(
        !sshd.folder.join(MANIFEST).exists(),
        "the manifest went up before the files"
    );

    let run = publish(&project, &sshd, &[]).success().stderr_has(&[
        "going on with the publish that was cut short",
        "published to",
    ]);
    let second = sshd.written();
    assert_eq!(site_on(&sshd), local, "{}", run.stderr);
    // Only the file in flight when the link dropped is sent twice.
    assert!(
        first.len() + second.len() <= local.len() + 2,
        "sent {} then {} files of {}",
        first.len(),
        second.len(),
        local.len()
    );
    assert!(
        !first
            .iter()
            .any(|p| second[..second.len() - 1].contains(p) && p != first.last().unwrap())
    );
    assert!(!project.path(".ditich-cache/publish.journal").exists());
}

#[test]
fn an_unknown_or_changed_host_key_is_refused() {
    let Some(sshd) = Sshd::start("an_unknown_or_changed_host_key_is_refused") else {
        return;
    };
    let project = Project::fixture("two-relics");
    project.write(
        "site.toml",
        format!(
            "{}\n{}",
            project.read("site.toml"),
            sftp_settings(&sshd, sshd.port)
        ),
    );
    let fingerprint = sshd.fingerprint();

    publish(&project, &sshd, &[]).failure().stderr_has(&[
        "127.0.0.1 is not in",
        &format!("Its key's fingerprint is {fingerprint}"),
        &format!("ditich publish --accept-host-key {fingerprint}"),
    ]);
    assert_eq!(sshd.written(), Vec::<String>::new());
    let vietnamese = Run::from(
        project
            .command(&["publish"])
            .env("LC_ALL", "vi_VN.UTF-8")
            .output()
            .unwrap(),
    )
    .failure();
    assert!(
        vietnamese
            .stderr
            .contains("không phân biệt được nó với máy giả mạo"),
        "{}",
        vietnamese.stderr
    );

    // Another key's fingerprint is not this one's.
    publish(&project, &sshd, &["--accept-host-key", "SHA256:AAAA"])
        .failure()
        .stderr_has(&["127.0.0.1 is not in"]);
    publish(&project, &sshd, &["--accept-host-key", &fingerprint])
        .success()
        .stderr_has(&["published to"]);
    assert!(!sshd.written().is_empty());
    assert_eq!(
        project.read("known_hosts").trim(),
        sshd.known_hosts_line(sshd.port).trim()
    );

    // A host that now shows another key may be an impostor: nothing is sent.
    let other = Sshd::start("an_unknown_or_changed_host_key_is_refused").unwrap();
    let line = other.known_hosts_line(sshd.port);
    project.write("known_hosts", &line);
    project.edit("sites/den-a/index.md", "Đền thờ", "Đền thờ cổ");
    publish(&project, &sshd, &[]).failure().stderr_has(&[
        "the key of 127.0.0.1 is not the one",
        "on line 1",
        &fingerprint,
    ]);
    assert_eq!(sshd.written(), Vec::<String>::new());
}

#[test]
fn a_wrong_password_is_refused_and_sends_nothing() {
    let Some(vsftpd) = Vsftpd::start("a_wrong_password_is_refused_and_sends_nothing", false) else {
        return;
    };
    let project = Project::fixture("two-relics");
    let original = project.read("site.toml");
    let host = Ftp(vsftpd, false);
    let settings = host.settings(&project);
    project.write("site.toml", format!("{original}\n{settings}"));
    let mut command = project.command(&["publish"]);
    command.env("DITICH_PUBLISH_PASSWORD", "sai-mat-khau");
    Run::from(command.output().unwrap())
        .failure()
        .stderr_has(&[&format!("127.0.0.1 refused the login of {FTP_USER}")]);
    command.env("LC_ALL", "vi_VN.UTF-8");
    Run::from(command.output().unwrap())
        .failure()
        .stderr_has(&[&format!("127.0.0.1 từ chối đăng nhập của {FTP_USER}")]);
    // No password at all, and nobody at a terminal to ask.
    Run::from(project.command(&["publish"]).output().unwrap())
        .failure()
        .stderr_has(&["set the DITICH_PUBLISH_PASSWORD environment variable"]);
    assert_eq!(host.written(), Vec::<String>::new());
    assert!(!host.0.folder.exists());

    // A server whose certificate no authority signed is refused over TLS.
    let tls = Vsftpd::start("a_wrong_password_is_refused_and_sends_nothing", true).unwrap();
    let tls = Ftp(tls, true);
    let settings = tls.settings(&project);
    let settings: String = settings
        .lines()
        .filter(|l| !l.starts_with("ca ="))
        .map(|l| format!("{l}\n"))
        .collect();
    project.write("site.toml", format!("{original}\n{settings}"));
    publish(&project, &host, &[])
        .failure()
        .stderr_has(&["did not set up a verified TLS connection"]);
}

#[test]
fn wrong_publish_settings_are_refused_at_their_line() {
    let project = Project::fixture("two-relics");
    let original = project.read("site.toml");
    project.ditich(&["publish"]).failure().stderr_has(&[
        "site.toml does not say where to publish",
        "[publish] url = \"sftp://",
    ]);
    for (settings, message) in [
        (
            "url = \"http://example.vn/\"",
            "ditich cannot publish over http://",
        ),
        (
            "url = \"sftp://vanhoa:matkhau@example.vn/www\"",
            "[publish] url holds a password",
        ),
        ("url = \"sftp://example.vn/www\"", "names no user"),
        (
            "url = \"ftp://vanhoa@example.vn/www\"\nkey = \"id_ed25519\"",
            "[publish] key is used only with sftp",
        ),
        (
            "url = \"s3://bucket/site\"\naccess_key = \"A\"",
            "an S3 bucket needs endpoint =",
        ),
        (
            "url = \"s3://bucket/site\"\naccess_key = \"A\"\nendpoint = \"http://s3.example.vn\"",
            "is not an https:// address",
        ),
        (
            "url = \"sftp://vanhoa@example.vn/www\"\npassword = \"x\"",
            "unknown key `password`",
        ),
    ] {
        project.write("site.toml", format!("{original}\n[publish]\n{settings}\n"));
        let run = project.ditich(&["publish"]).failure();
        assert!(run.stderr.contains(message), "{settings}:\n{}", run.stderr);
        assert!(
            run.stderr.contains("site.toml:"),
            "{settings}:\n{}",
            run.stderr
        );
        assert!(
            !project.output().exists(),
            "{settings}: a publish that cannot start builds nothing"
        );
    }
}
