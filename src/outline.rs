//! (outline: placeholder)
pub(crate) const PLACEHOLDER: () = ();
