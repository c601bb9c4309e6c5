//! The theme ready to render with: its interface strings, checked, and the template engine.
//! Pages and print files both take them from here.

pub mod strings;
pub mod templates;
