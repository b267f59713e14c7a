//! Public nom parsers for the pieces of a report's text (being written).
