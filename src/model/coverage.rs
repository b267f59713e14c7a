//! The lossless-span invariant: every byte of the input lies inside some node's span.

use crate::{AnnualReport, Section, Span};

impl AnnualReport {
    /// Checks that the report's nodes tile the input: the preamble and the level-1 sections
    /// are contiguous from byte 0 to the end; in every section the heading, paragraphs,
    /// table regions and subsections lie inside it, in order, without overlapping; the
    /// subsections are contiguous and the last one ends where its parent ends; preamble
    /// paragraphs and the title lie inside the preamble, and the signature inside the input.
    ///
    /// # Errors
    /// A message naming the first gap, overlap or stray span.
    pub fn check_coverage(&self) -> Result<(), String> {
        if self.span.start != 0 {
            return Err(format!("report span starts at {}, not 0", self.span.start));
        }
        let p = &self.preamble;
        if p.span.start != 0 {
            return Err(format!("preamble starts at {}, not 0", p.span.start));
        }
        let mut kids: Vec<(Span, &str)> = p.title_span.iter().map(|&s| (s, "title")).collect();
        kids.extend(p.paragraphs.iter().map(|x| (x.span, "paragraph")));
        ordered_inside(p.span, &kids, "preamble")?;
        contiguous(p.span.end, self.span.end, &self.sections, "report")?;
        for s in &self.sections {
            check_section(s)?;
        }
        for f in &p.front_matter {
            if !p.span.contains(f.span) {
                return Err(format!("front matter {:?} outside the preamble", f.span));
            }
        }
        for &s in p.chrome.iter().chain(&self.trailer) {
            if !self.span.contains(s) {
                return Err(format!("site chrome {s:?} outside the input"));
            }
        }
        if let Some(sig) = &self.signature {
            if !self.span.contains(sig.span) {
                return Err(format!("signature {:?} outside the input", sig.span));
            }
        }
        Ok(())
    }
}

fn contiguous(start: usize, end: usize, sections: &[Section], what: &str) -> Result<(), String> {
    let mut at = start;
    for s in sections {
        if s.span.start != at {
            return Err(format!("{what}: gap or overlap at byte {at}, section at {:?}", s.span));
        }
        if s.span.end < s.span.start {
            return Err(format!("{what}: inverted span {:?}", s.span));
        }
        at = s.span.end;
    }
    if at != end {
        return Err(format!("{what}: bytes {at}..{end} are in no node"));
    }
    Ok(())
}

fn ordered_inside(parent: Span, kids: &[(Span, &str)], what: &str) -> Result<(), String> {
    let mut sorted: Vec<(Span, &str)> = kids.to_vec();
    sorted.sort_by_key(|(s, _)| (s.start, s.end));
    let mut at = parent.start;
    for (s, name) in sorted {
        if !parent.contains(s) || s.end < s.start {
            return Err(format!("{what}: {name} {s:?} outside {parent:?}"));
        }
        if s.start < at {
            return Err(format!("{what}: {name} {s:?} overlaps the previous node (ends at {at})"));
        }
        at = s.end;
    }
    Ok(())
}

fn check_section(s: &Section) -> Result<(), String> {
    let what = format!("section `{}{}` {:?}", s.marker, s.title, s.span);
    let mut kids = vec![(s.heading_span, "heading")];
    kids.extend(s.paragraphs.iter().map(|p| (p.span, "paragraph")));
    kids.extend(s.tables.iter().map(|t| (t.span, "table")));
    kids.extend(s.subsections.iter().map(|x| (x.span, "subsection")));
    ordered_inside(s.span, &kids, &what)?;
    if let Some(first) = s.subsections.first() {
        contiguous(first.span.start, s.span.end, &s.subsections, &what)?;
    }
    for sub in &s.subsections {
        check_section(sub)?;
    }
    Ok(())
}
