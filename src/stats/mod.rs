//! Stats: how often each relic's QR code was scanned, counted from the web server's access
//! logs, so that the commune can report it to the district.
//!
//! The logs are [`read`] line by line, plain or gzip-compressed, each line [`parse`]d, and its
//! request matched against the relics' [`landing`] pages.
//!
//! Like the rest of the library, nothing here prints.

pub mod landing;
pub mod parse;
pub mod read;
