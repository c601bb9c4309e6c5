//! The studio's Publish button: what `ditich publish` does, asked from the browser. What the
//! command would ask at the terminal, a password or whether to trust a new host's key, is
//! answered by the page, which asks the officer and sends the request again.

use std::cell::RefCell;

use serde_json::{Value, json};

use super::Studio;
use crate::i18n::Language;
use crate::publish::{self, Ask, Plan};

/// The officer's answers, when the page has asked.
#[derive(Default, serde::Deserialize)]
pub(super) struct Answers {
    #[serde(default)]
    password: Option<String>,
    /// The fingerprint of a new host's key the officer accepted.
    #[serde(default)]
    accept: Option<String>,
}

/// What the publish wanted to ask and could not.
#[derive(Default)]
struct Questions<'a> {
    password: Option<&'a str>,
    /// For whom a password was wanted.
    wanted: RefCell<Option<String>>,
    /// A new host and its key's fingerprint.
    unknown: RefCell<Option<(String, String)>>,
}

impl Ask for Questions<'_> {
    fn secret(&self, whose: &str) -> Option<String> {
        if let Some(password) = self.password.filter(|p| !p.is_empty()) {
            return Some(password.to_owned());
        }
        *self.wanted.borrow_mut() = Some(whose.to_owned());
        None
    }

    fn trust(&self, host: &str, fingerprint: &str) -> bool {
        *self.unknown.borrow_mut() = Some((host.to_owned(), fingerprint.to_owned()));
        false
    }
}

fn refused(status: u16, err: &anyhow::Error) -> (u16, Value) {
    (status, json!({ "refused": super::api::why(err) }))
}

/// Builds into `output/` and publishes it; the answer says what was sent, or what to ask.
pub(super) fn publish(studio: &Studio, body: &[u8]) -> (u16, Value) {
    let answers: Answers = serde_json::from_slice(body).unwrap_or_default();
    let root = &studio.root;
    let target = match crate::config::publish_target(root) {
        Ok(Some(target)) => target,
        Ok(None) => {
            let text = format!(
                "{}: {}",
                crate::text!("publish-no-target"),
                crate::text!("publish-no-target-help")
            );
            return (422, json!({ "refused": text }));
        }
        Err(problems) => {
            return refused(422, &crate::diagnostic::Problems(problems).into());
        }
    };
    let output = super::api::output(studio);
    if let Err(err) = crate::build(root, &output, &crate::Options::default()) {
        return refused(422, &err);
    }
    let questions = Questions {
        password: answers.password.as_deref(),
        ..Questions::default()
    };
    let sent = publish::printed_codes(root).and_then(|printed| {
        let mut remote = publish::connect(&target, &questions, answers.accept.as_deref())?;
        let plan = Plan::make(root, &target, &output, remote.as_mut(), &printed)?;
        let kept = plan.kept.clone();
        let sent = plan.run(root, &target, &output, remote.as_mut(), &Unwatched)?;
        remote.close()?;
        Ok((sent, kept))
    });
    let (sent, kept) = match sent {
        Ok(sent) => sent,
        Err(err) => {
            if let Some(whose) = questions.wanted.take() {
                return (401, json!({ "needs": "password", "whose": whose }));
            }
            if let Some((host, fingerprint)) = questions.unknown.take() {
                return (
                    409,
                    json!({ "needs": "trust", "host": host, "fingerprint": fingerprint }),
                );
            }
            return refused(502, &err);
        }
    };
    let done = crate::text!(
        "publish-done",
        files = sent.files,
        kilobytes = usize::try_from(sent.bytes.div_ceil(1024)).unwrap_or(usize::MAX),
        deleted = sent.deleted,
        target = target.url.as_str()
    );
    let done = if sent == publish::Sent::default() {
        crate::text!("publish-up-to-date", target = target.url.as_str())
    } else {
        done
    };
    (
        200,
        json!({
            "files": sent.files,
            "bytes": sent.bytes,
            "deleted": sent.deleted,
            "kept": kept,
            "vi": done.render(Language::Vi),
            "en": done.render(Language::En),
        }),
    )
}

struct Unwatched;

impl publish::Watch for Unwatched {}
