//! The formats of `taxonomy list`.

pub(crate) mod json;
pub(crate) mod text;
