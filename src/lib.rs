//! skillgap: score a resume against a role's skill taxonomy.
#![forbid(unsafe_code)]

pub mod taxonomy {
    //! Taxonomy types.
    pub mod schema;
}

#[cfg(feature = "extract")]
pub mod extract;
