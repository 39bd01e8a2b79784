//! Bytes → text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or EUC-KR (CP949), which
//! older Korean sites still serve. Binary files and other encodings are refused with a message.

use super::ImportError;

/// Signatures of common binary files that people mistake for articles.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP, DOCX or HWPX"),
    (b"\xd0\xcf\x11\xe0", "HWP or old Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "program"),
];

pub(crate) fn decode(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let file = file.to_string();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file });
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(ImportError::Binary { file, kind: kind.to_string() });
    }
    // A BOM settles the encoding.
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ImportError::Encoding { file });
        }
        return finish(text.into_owned(), file);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(ImportError::Binary { file, kind: "contains NUL bytes".to_string() });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), file);
    }
    // Not UTF-8: EUC-KR is what Korean pages use otherwise. Accept it only when it decodes cleanly
    // and reads as Korean.
    let (text, had_errors) = encoding_rs::EUC_KR.decode_without_bom_handling(bytes);
    if !had_errors {
        let hangul = text.chars().filter(|c| ('\u{ac00}'..='\u{d7a3}').contains(c)).count();
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        if hangul > 0 && hangul * 2 >= non_ascii {
            return finish(text.into_owned(), file);
        }
    }
    Err(ImportError::Encoding { file })
}

fn finish(text: String, file: String) -> Result<String, ImportError> {
    let controls =
        text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(ImportError::Binary { file, kind: "mostly control characters".to_string() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty { file });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("가나다".as_bytes(), "a").unwrap(), "가나다");
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("가나다".as_bytes());
        assert_eq!(decode(&b, "a").unwrap(), "가나다");
    }

    #[test]
    fn converts_euc_kr() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode("정부가 예산을 편성했다.");
        assert_eq!(decode(&bytes, "a").unwrap(), "정부가 예산을 편성했다.");
    }

    #[test]
    fn refuses_empty_binary_and_unknown() {
        assert!(matches!(decode(b"  \n", "a"), Err(ImportError::Empty { .. })));
        assert!(matches!(decode(b"%PDF-1.7 ...", "a"), Err(ImportError::Binary { .. })));
        assert!(matches!(decode(&[1, 2, 0, 0, 5, 6], "a"), Err(ImportError::Binary { .. })));
        // Latin-1 French is neither UTF-8 nor Korean EUC-KR.
        assert!(matches!(decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e", "a"), Err(ImportError::Encoding { .. })));
    }
}
