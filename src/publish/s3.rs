//! Publishing to an S3-compatible bucket, the kind Vietnamese clouds and CDNs sell, by path
//! (`endpoint/bucket/key`), which they all accept. One PUT replaces an object whole, so no
//! temporary names are needed; each carries its media type, as the bucket serves it.

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as Key;
use object_store::{
    Attribute, Attributes, ClientOptions, ObjectStore as _, ObjectStoreExt as _, PutOptions,
    PutPayload, RetryConfig,
};

use super::{Ask, Remote};
use crate::config::publish::Bucket;
use crate::render::htaccess;
use crate::text;

pub struct S3 {
    runtime: tokio::runtime::Runtime,
    store: AmazonS3,
    prefix: String,
    bucket: String,
    endpoint: String,
}

pub fn connect(bucket: &Bucket, ask: &dyn Ask) -> anyhow::Result<Box<dyn Remote>> {
    let Bucket {
        name,
        prefix,
        endpoint,
        region,
        access_key,
        ca,
    } = bucket;
    let secret = super::secret(ask, super::SECRET_VARIABLE, access_key)?;
    // `config::publish` allows plain HTTP only to this computer.
    let mut options = ClientOptions::new()
        .with_allow_http(endpoint.scheme() == "http")
        .with_connect_timeout(Duration::from_secs(30))
        .with_timeout(Duration::from_secs(300));
    if let Some(ca) = ca {
        options = options.with_root_certificate(certificate(ca)?);
    }
    // The HTTP client takes the process's TLS provider; ditich has only ring.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let store = AmazonS3Builder::new()
        .with_endpoint(endpoint.as_str().trim_end_matches('/'))
        .with_virtual_hosted_style_request(false)
        .with_region(region)
        .with_bucket_name(name)
        .with_access_key_id(access_key)
        .with_secret_access_key(secret)
        .with_client_options(options)
        // A few tries for a dropped request, as the other protocols get by running again;
        // not the default three minutes, which a wrong certificate would also wait out.
        .with_retry(RetryConfig {
            max_retries: 3,
            retry_timeout: Duration::from_secs(60),
            ..RetryConfig::default()
        })
        .build()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    Ok(Box::new(S3 {
        runtime,
        store,
        prefix: prefix.clone(),
        bucket: name.clone(),
        endpoint: endpoint.to_string(),
    }))
}

fn certificate(ca: &Path) -> anyhow::Result<object_store::Certificate> {
    let unreadable = || text!("cannot-read", file = ca.display().to_string());
    let pem = std::fs::read(ca).with_context(unreadable)?;
    object_store::Certificate::from_pem(&pem).with_context(unreadable)
}

impl S3 {
    fn key(&self, path: &str) -> Key {
        if self.prefix.is_empty() {
            Key::from(path)
        } else {
            Key::from(format!("{}/{path}", self.prefix))
        }
    }

    /// The error as an officer can act on it: object_store's own repeats each layer of the
    /// request, and an S3 refusal arrives as XML.
    fn failed(&self, key: &Key, err: &object_store::Error) -> anyhow::Error {
        let reason = reason(err);
        let refused = matches!(
            err,
            object_store::Error::Unauthenticated { .. }
                | object_store::Error::PermissionDenied { .. }
        ) || reason.starts_with("InvalidAccessKeyId")
            || reason.starts_with("SignatureDoesNotMatch");
        let bucket = self.bucket.as_str();
        let message = if refused {
            text!("publish-s3-refused", bucket = bucket)
        } else if reason.starts_with("NoSuchBucket") {
            text!(
                "publish-s3-no-bucket",
                bucket = bucket,
                endpoint = self.endpoint.as_str()
            )
        } else {
            text!("publish-s3-failed", key = format!("s3://{bucket}/{key}"))
        };
        anyhow::anyhow!("{message}: {reason}")
    }
}

/// The innermost cause of `err`, with an S3 error's code and message rather than its XML.
fn reason(err: &object_store::Error) -> String {
    let mut last: &dyn std::error::Error = err;
    while let Some(next) = last.source() {
        last = next;
    }
    let text = last.to_string();
    let tag = |name: &str| {
        let (_, rest) = text.split_once(&format!("<{name}>"))?;
        Some(rest.split_once(&format!("</{name}>"))?.0.to_owned())
    };
    match (tag("Code"), tag("Message")) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        _ => text.lines().next().unwrap_or_default().to_owned(),
    }
}

impl Remote for S3 {
    fn get(&mut self, path: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let key = self.key(path);
        let got = self.runtime.block_on(async {
            let got = self.store.get(&key).await?;
            got.bytes().await
        });
        match got {
            Ok(bytes) => Ok(Some(bytes.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(self.failed(&key, &err)),
        }
    }

    fn put(&mut self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let key = self.key(path);
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, htaccess::media_type(path).into());
        if let Some(age) = htaccess::cache_control(path) {
            attributes.insert(Attribute::CacheControl, age.into());
        }
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        let payload = PutPayload::from(bytes.to_vec());
        self.runtime
            .block_on(self.store.put_opts(&key, payload, options))
            .map(drop)
            .map_err(|err| self.failed(&key, &err))
    }

    fn delete(&mut self, path: &str) -> anyhow::Result<()> {
        let key = self.key(path);
        match self.runtime.block_on(self.store.delete(&key)) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(self.failed(&key, &err)),
        }
    }
}
