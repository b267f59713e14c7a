//! The writer: a model back to report text, in the layouts text tools produce.
//!
//! It depends on the model and the template only — never on the reader — so that the round
//! trip (`generate` → `render` → `parse`) tests the reader against text it did not shape.

#[cfg(feature = "arbitrary")]
pub mod generate;
pub mod render;
