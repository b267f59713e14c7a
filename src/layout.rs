//! (layout: placeholder)
pub(crate) const PLACEHOLDER: () = ();
