//! Reading what officers type: text files in whatever form Word, Notepad or a Mac saved them,
//! and TOML whose mistakes are explained at the line they are on. Used by every file ditich
//! reads: `site.toml`, the relics, `plaques.toml`, the theme.

pub mod text;
pub mod toml_error;
