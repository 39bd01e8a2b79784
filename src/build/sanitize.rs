//! What may reach a published page: characters XML and HTML forbid are taken out of every page,
//! and, unless a site allows raw HTML (`[markdown] unsafe_html = true`), only URL schemes that
//! cannot run code are kept in brief bodies.

/// URL schemes a brief's links and images may use by default. Everything else (`javascript:`,
/// `vbscript:`, `data:`, `file:` and schemes browsers may add later) is removed: an allow-list,
/// because a deny-list misses the next scheme.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Heading attributes (`## 제목 {lang=en}`) that cannot run code or load anything.
const SAFE_ATTRIBUTES: &[&str] = &["lang", "dir", "title", "translate"];

/// Escapes text for HTML text and attribute values: the page templates (Tera's own escaping
/// also turns `/` into `&#x2F;`, which makes every URL unreadable in the page source; `/` is
/// harmless in both) and code blocks.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 16);
    escape_html_into(&mut out, input);
    out
}

/// [`escape_html`] appended to `out` (the charts write their text straight into the SVG).
pub fn escape_html_into(out: &mut String, input: &str) {
    let written: Result<(), std::convert::Infallible> = escape_parts(input, |part| {
        out.push_str(part);
        Ok(())
    });
    let Ok(()) = written;
}

/// [`escape_html`] into a writer: Tera's escape function, straight into the page.
pub fn escape_html_to(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    escape_parts(input, |part| out.write_all(part.as_bytes()))
}

/// Hands `push` the escaped text piece by piece: runs of safe text as they are (copied at once),
/// and an entity for each of the five special ASCII characters.
/// Blocks of 32 bytes with none of the five are passed over at once (a branch-free test the
/// compiler makes vector compares of); the others are read byte by byte.
fn escape_parts<E>(input: &str, mut push: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let special = |b: u8| {
        u8::from(b == b'&')
            | u8::from(b == b'<')
            | u8::from(b == b'>')
            | u8::from(b == b'"')
            | u8::from(b == b'\'')
    };
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + 32).min(bytes.len());
        if let Ok(block) = <&[u8; 32]>::try_from(&bytes[at..end]) {
            if block.iter().fold(0, |any, &b| any | special(b)) == 0 {
                at = end;
                continue;
            }
        }
        for i in at..end {
            let rep = match bytes[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#x27;",
                _ => continue,
            };
            push(&input[start..i])?;
            push(rep)?;
            start = i + 1;
        }
        at = end;
    }
    push(&input[start..])
}

/// Whether a link or image destination is safe to publish: relative, or with a safe scheme.
/// Browsers ignore tabs, newlines and leading spaces or controls inside a scheme
/// (`java\tscript:`), so they are ignored here too before the scheme is read.
pub fn safe_url(dest: &str) -> bool {
    let cleaned: String = dest.chars().filter(|c| !c.is_ascii_control() && !c.is_whitespace()).collect();
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..end].find(':') {
        None => true,
        Some(i) => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            SAFE_SCHEMES.contains(&scheme.as_str())
        }
    }
}

/// Whether a heading attribute set with `{key=value}` is safe to publish (`data-*` too).
pub fn safe_attribute(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SAFE_ATTRIBUTES.contains(&name.as_str()) || name.starts_with("data-")
}

/// Whether a character may appear in HTML and XML 1.0 text: not a control character other than
/// tab, newline and carriage return, not DEL or a C1 control, and not U+FFFE or U+FFFF.
pub fn allowed_char(c: char) -> bool {
    !matches!(c, '\0'..='\x08' | '\x0B' | '\x0C' | '\x0E'..='\x1F' | '\x7F'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Whether byte `b` can start a sequence [`strip_forbidden`] removes: a refused ASCII control,
/// or the lead byte of a C1 control (0xC2) or of U+FFFE/U+FFFF (0xEF). Branch-free, so that
/// [`first_may_start`] tests many bytes at once.
fn may_start(b: u8) -> u8 {
    let control = u8::from(b < 0x20) & u8::from(b != b'\t') & u8::from(b != b'\n') & u8::from(b != b'\r');
    control | u8::from(b == 0x7F) | u8::from(b == 0xC2) | u8::from(b == 0xEF)
}

/// Where the first byte at or after `from` that [`may_start`] a refused sequence is. Pages are
/// tested 32 bytes at a time (the compiler makes vector compares of the fixed-size loop), and
/// only the block that has one is looked at byte by byte: every page is scanned whole, and
/// nearly all have none.
fn first_may_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    for block in bytes[from..].chunks_exact(32) {
        let block: &[u8; 32] = block.try_into().expect("chunks of 32");
        if block.iter().fold(0, |any, &b| any | may_start(b)) != 0 {
            break;
        }
        at += 32;
    }
    bytes[at..].iter().position(|&b| may_start(b) != 0).map(|p| at + p)
}

/// Removes the characters [`allowed_char`] refuses from a rendered page, in place. One NUL or
/// ESC from a YAML escape or an imported title would otherwise make a feed stop being XML.
/// The page is UTF-8 (templates and values are Rust strings), so every byte of a multi-byte
/// character is 0x80 or above and only the sequences of the refused characters are matched.
pub fn strip_forbidden(bytes: &mut Vec<u8>) {
    let forbidden_at = |b: &[u8], i: usize| -> usize {
        match b[i] {
            0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F)) => 2,
            0xEF if b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)) => 3,
            0xC2 | 0xEF => 0,
            c => usize::from(may_start(c)),
        }
    };
    // The common page has none: look first, copy only when needed. The look runs over the
    // bytes a refused sequence can start with (a page is mostly other bytes), and only those
    // are checked in full.
    let mut at = 0;
    let first = loop {
        match first_may_start(bytes, at) {
            None => return,
            Some(p) if forbidden_at(bytes, p) > 0 => break p,
            Some(p) => at = p + 1,
        }
    };
    let mut write = first;
    let mut read = first;
    while read < bytes.len() {
        let n = forbidden_at(bytes, read);
        if n > 0 {
            read += n;
        } else {
            bytes[write] = bytes[read];
            write += 1;
            read += 1;
        }
    }
    bytes.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_slashes_and_hangul() {
        assert_eq!(escape_html("/regions/영남권/"), "/regions/영남권/");
        assert_eq!(escape_html("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&#x27;c");
        let mut out = Vec::new();
        escape_html_to("<a href='/x'>", &mut out).unwrap();
        assert_eq!(out, b"&lt;a href=&#x27;/x&#x27;&gt;");
    }

    #[test]
    fn escaping_finds_each_special_character_wherever_it_sits_in_a_block() {
        // Text is passed over 32 bytes at a time: a special character at any offset, in a text
        // longer than two blocks, is escaped as the plain rule says.
        let text = "영남권 abcdefghijklmnopqrstuvwxyz 0123456789 가나다라마바사 ABCDEFGHIJ";
        for special in ['&', '<', '>', '"', '\''] {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let input = format!("{}{special}{}", &text[..at], &text[at..]);
                let plain: String = input
                    .chars()
                    .map(|c| match c {
                        '&' => "&amp;".to_string(),
                        '<' => "&lt;".to_string(),
                        '>' => "&gt;".to_string(),
                        '"' => "&quot;".to_string(),
                        '\'' => "&#x27;".to_string(),
                        c => c.to_string(),
                    })
                    .collect();
                assert_eq!(escape_html(&input), plain, "{special} at {at}");
            }
        }
    }

    #[test]
    fn only_harmless_schemes_are_kept() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
        ] {
            assert!(!safe_url(bad), "{bad:?}");
        }
        for good in [
            "https://korea.kr/",
            "http://x.org/a:b",
            "mailto:a@b.kr",
            "tel:+82-2-1",
            "a.md",
            "/budget/",
            "#top",
            "a/b:c",
            "?q=a:b",
        ] {
            assert!(safe_url(good), "{good:?}");
        }
    }

    #[test]
    fn heading_attributes_that_run_code_are_refused() {
        assert!(safe_attribute("lang") && safe_attribute("data-x"));
        assert!(!safe_attribute("onclick") && !safe_attribute("OnError") && !safe_attribute("style"));
    }

    #[test]
    fn control_characters_leave_and_text_stays() {
        let mut page = "<p>a\0b\x1bc\x01d\te\nf\u{85}g\u{FFFF}h 영남권 \u{FFFD}</p>".as_bytes().to_vec();
        strip_forbidden(&mut page);
        assert_eq!(String::from_utf8(page).unwrap(), "<p>abcd\te\nfgh 영남권 \u{FFFD}</p>");
        let mut clean = "가나다 <b>x</b>".as_bytes().to_vec();
        strip_forbidden(&mut clean);
        assert_eq!(clean, "가나다 <b>x</b>".as_bytes());
        // Lead bytes of refused characters that start allowed ones (`·` U+00B7, `，` U+FF0C)
        // before and after the first refused one: kept.
        let mut mixed = "부산·울산，\u{FFFE}x\u{9F}·，".as_bytes().to_vec();
        strip_forbidden(&mut mixed);
        assert_eq!(String::from_utf8(mixed).unwrap(), "부산·울산，x·，");
        assert!(!allowed_char('\x1b') && allowed_char('\n') && allowed_char('가'));
    }

    #[test]
    fn a_refused_byte_is_found_wherever_it_sits_in_a_block_of_the_scan() {
        // Pages are scanned 32 bytes at a time: a refused byte at any offset, after an allowed
        // character whose lead byte is one the scan stops at (`·`), is still removed.
        let text = "·가나다 <b>x</b>\t\n\r abcdefghijklmnopqrstuvwxyz 0123456789 영남권 ·";
        for at in 0..text.len() {
            if !text.is_char_boundary(at) {
                continue;
            }
            let mut page = format!("{}\u{1}{}", &text[..at], &text[at..]).into_bytes();
            strip_forbidden(&mut page);
            assert_eq!(page, text.as_bytes(), "refused byte at {at}");
        }
    }
}
