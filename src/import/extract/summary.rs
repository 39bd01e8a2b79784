//! Summary: one or two sentences from the lead.

use super::super::text::{sentences, Block};

/// The lead's first sentence, and its second when the first is short.
pub(crate) fn summary(blocks: &[Block]) -> Option<String> {
    let lead = blocks.iter().find_map(|b| match b {
        Block::Para(t) if t.chars().count() >= 20 => Some(t.as_str()),
        Block::Item { level, text, .. } if *level <= 1 && text.chars().count() >= 40 => Some(text.as_str()),
        _ => None,
    })?;
    let s = sentences(lead);
    let mut out = s.first()?.to_string();
    if out.chars().count() < 50 {
        if let Some(second) = s.get(1) {
            out.push(' ');
            out.push_str(second);
        }
    }
    // Footnote marks (`바우처*`) belong to the body.
    Some(out.replace('*', ""))
}
