//! Hostile and odd input, and faults while publishing: none of them may break the published
//! guide, and each gives a correct page or a clear message.

use crate::project::{Project, files};

#[test]
fn a_panic_in_a_worker_leaves_the_published_site_as_it_was() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let before = files(&project.output());
    let mut command = project.command(&["build"]);
    command.env("DITICH_TEST_PANIC_IN_RENDER", "1");
    let output = command.output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("injected"));
    assert_eq!(files(&project.output()), before);
    project.build().success();
    assert!(
        !project.path(".output.staging").exists(),
        "the next build clears what the panic left"
    );
}

/// Starts a build that stops at `stage` (see `ditich::hooks::pause`), and kills it there.
fn killed_at(project: &Project, stage: &str) {
    let mut child = project
        .command(&["build"])
        .env("DITICH_TEST_PAUSE", stage)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let paused = std::io::BufRead::lines(stderr)
        .map_while(Result::ok)
        .any(|line| line == format!("paused at {stage}"));
    assert!(paused, "the build never reached {stage}");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_build_killed_midway_leaves_the_published_site_as_it_was() {
    let project = Project::fixture("two-relics");
    project.build().success();
    let before = files(&project.output());
    project.edit("sites/chua-b/index.md", "Chùa.", "Chùa, sửa lại.");

    // Killed with the new site made but not yet published: the old one stands.
    killed_at(&project, "staged");
    assert_eq!(files(&project.output()), before);

    // Killed between moving the old site aside and moving the new one in, the one moment
    // the folder is missing: the next build puts the old site back first, then publishes.
    killed_at(&project, "swapping");
    assert!(!project.output().exists());
    project.build().success();
    let after = files(&project.output());
    assert_ne!(
        after.get("chua-b/index.html"),
        before.get("chua-b/index.html")
    );
    assert!(after.contains_key("index.html") && after.contains_key("sw.js"));
    let leftovers = project.staging_leftovers();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_file_where_the_output_folder_must_be_is_reported() {
    let project = Project::fixture("two-relics");
    project.write("blocker", "not a folder");
    project
        .ditich(&["build", "--out", "blocker/site"])
        .failure()
        .stderr_has(&["error: cannot create"]);
    assert_eq!(project.read("blocker"), "not a folder");
}

#[test]
fn a_full_disk_leaves_the_published_site_as_it_was() {
    let project = Project::fixture("two-relics");
    let disk = project.path("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=600k", "tmpfs"])
        .arg(&disk)
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        // Mounting needs root and a kernel that allows it, as CI has.
        crate::tools::skip_or_fail(
            "a_full_disk_leaves_the_published_site_as_it_was",
            "a small tmpfs mounted as root",
        );
        return;
    }
    let out = disk.join("site");
    let first = project.ditich(&["build", "--out", out.to_str().unwrap()]);
    let before = files(&out);
    // A large photo: its variants no longer fit beside the published site.
    let mut photo = Vec::new();
    image::RgbImage::from_fn(1400, 1000, |x, y| {
        image::Rgb([((x * 7) ^ (y * 13)) as u8, (x * y) as u8, (y * 3) as u8])
    })
    .write_to(
        &mut std::io::Cursor::new(&mut photo),
        image::ImageFormat::Png,
    )
    .unwrap();
    project.write("sites/chua-b/lon.png", photo);
    let second = project.ditich(&["build", "--out", out.to_str().unwrap()]);
    let after = files(&out);
    let _ = std::process::Command::new("umount").arg(&disk).status();
    assert_eq!(
        first.code,
        Some(0),
        "the first build fits the disk: {}",
        first.stderr
    );
    assert_eq!(second.code, Some(1), "{}", second.stderr);
    assert!(second.stderr.contains("No space left"), "{}", second.stderr);
    assert!(!before.is_empty());
    assert_eq!(after, before, "the published site is as it was");
}

#[test]
fn odd_text_builds_correct_pages() {
    let project = Project::fixture("two-relics");
    // Emoji, a zero-width joiner, right-to-left Arabic and a 10,000-character name.
    let name = format!("Đền 🏯 A\u{200d}B مسجد {}", "ă".repeat(10_000));
    project.edit(
        "sites/chua-b/index.md",
        "name = \"Chùa B\"",
        &format!("name = \"{name}\""),
    );
    // A 5 MB story.
    let story = "Đoạn văn về lịch sử của ngôi chùa, kể lại nhiều đời. ".repeat(100_000);
    project.edit("sites/chua-b/index.md", "Chùa.", &story);
    project.edit(
        "site.toml",
        "formats = [\"svg\"]",
        "formats = [\"svg\", \"png\"]",
    );
    project.build().success();
    let page = project.read("output/chua-b/index.html");
    assert!(page.contains("Đền 🏯 A\u{200d}B مسجد"));
    assert!(page.len() > 5_000_000);
    // The poster still fits the name in its box, cut short.
    let svg = project.read("output/posters/DT02-plaque.svg");
    assert!(svg.contains('…'), "the long name is cut on the plaque");
}

#[test]
fn empty_and_zero_byte_inputs_get_clear_answers() {
    let project = Project::fixture("two-relics");
    project.write("sites/den-rong/index.md", "");
    project.write("sites/chua-b/trong.jpg", "");
    project.build().failure().stderr_has(&[
        "sites/chua-b/trong.jpg: error: this photo cannot be read",
        "sites/den-rong/index.md:1:1: error: the file does not start with front matter",
    ]);

    let empty = Project::fixture("two-relics");
    std::fs::remove_dir_all(empty.path("sites")).unwrap();
    std::fs::create_dir(empty.path("sites")).unwrap();
    let run = empty.build().success();
    assert!(run.stderr.contains("built 0 relics"), "{}", run.stderr);
    assert!(empty.path("output/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_sites_is_refused() {
    let project = Project::fixture("two-relics");
    std::os::unix::fs::symlink("/etc/passwd", project.path("sites/chua-b/passwd.pdf")).unwrap();
    project
        .build()
        .failure()
        .stderr_has(&["sites/chua-b/passwd.pdf: error: symbolic links are not published"]);
}

#[test]
fn a_25_mb_photo_is_published_as_small_variants() {
    let project = Project::fixture("two-relics");
    // Noise does not compress: at 6000 × 4000 and quality 98 this is a camera-sized file.
    let mut seed = 1u32;
    let photo = image::RgbImage::from_fn(6000, 4000, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let [r, g, b, _] = seed.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 98)
        .encode_image(&photo)
        .unwrap();
    assert!(jpeg.len() > 20_000_000, "{} bytes", jpeg.len());
    project.write("sites/chua-b/lon.jpg", &jpeg);
    project.edit(
        "sites/chua-b/index.md",
        "Chùa.",
        "Chùa.\n\n![Ảnh lớn](lon.jpg)",
    );
    project.build().success();
    let widest = std::fs::metadata(project.path("output/chua-b/lon-1400.jpg"))
        .unwrap()
        .len();
    assert!(widest < 3_000_000, "the widest variant is {widest} bytes");
    assert!(!project.path("output/chua-b/lon.jpg").exists());
}
