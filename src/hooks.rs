//! Points where the tests take hold of a build, compiled only with the `test-support`
//! feature: released binaries have none.

/// With `DITICH_TEST_PAUSE` set to `stage`, says `paused at <stage>` on stderr and waits to be
/// killed, so that a test can stop a build at exactly that point rather than by timing.
pub fn pause(stage: &str) {
    #[cfg(feature = "test-support")]
    if std::env::var_os("DITICH_TEST_PAUSE").is_some_and(|s| s == stage) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("paused at {stage}");
        }
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
    #[cfg(not(feature = "test-support"))]
    let _ = stage;
}
