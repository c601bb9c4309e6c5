//! Stats: how often each relic's QR code was scanned, counted from the web server's access
//! logs, so that the commune can report it to the district.
//!
//! A scan is a GET or HEAD request of a relic's landing page (`{base_path}Q/{ID}/`, or the typed
//! `q/{id}/`) answered with 2xx or 3xx, by a user agent that does not call itself a bot. The
//! logs are [`read`] line by line, each line [`parse`]d and sorted by [`count::Counter`], which
//! tallies scans per relic and day, per relic and month and in total, with the distinct
//! [`visitors`] behind them estimated without keeping any address. [`report`] and [`chart`]
//! turn the finished [`count::Stats`] into a table, CSV and SVG.
//!
//! Like the rest of the library, nothing here prints: the caller shows the [`count::Summary`].

pub mod catalogue;
pub mod chart;
pub mod count;
pub mod landing;
pub mod parse;
pub mod published;
pub mod read;
pub mod report;
pub mod visitors;

pub use catalogue::{Catalogue, Relic};
pub use count::{By, Counter, Stats, Summary};
pub use visitors::VisitorKey;
