//! (metadata: placeholder)
pub(crate) const PLACEHOLDER: () = ();
