//! The text rules every stage shares, each defined once: folding (full-width/half-width,
//! spaces, ignorables) and display width. Leaves: they depend on nothing else in the crate.

pub(crate) mod fold;
pub(crate) mod width;
