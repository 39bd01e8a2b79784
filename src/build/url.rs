//! URLs: the one place that turns a site path (`regions/영남권/`) into what a page prints, with the
//! base path of a sub-path deployment (`/archive/`) applied and non-ASCII percent-encoded.

/// Where a site is deployed: an origin (`https://user.github.io`) and a path (`/archive/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    origin: String,
    path: String,
}

impl BaseUrl {
    /// Parses `https://host[:port][/path]`; the path always ends with `/`.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let text = text.trim();
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| format!("\"{text}\" has no scheme (http:// or https://)"))?;
        if scheme != "http" && scheme != "https" {
            return Err(format!("\"{text}\" must start with http:// or https://"));
        }
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(format!("\"{text}\" has no host"));
        }
        if path.contains(['?', '#']) {
            return Err(format!("\"{text}\" must not have a query or fragment"));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl { origin: format!("{scheme}://{host}"), path })
    }

    /// The path part, starting and ending with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The whole base URL, ending with `/`.
    pub fn full(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }

    /// Root-relative URL of a site path, for links inside pages: `regions/영남권/` →
    /// `/archive/regions/영남권/`. Hangul stays readable (HTML allows it in `href`; browsers
    /// encode it when they ask the server), which also keeps pages with many term links a third
    /// of the size; spaces and other ASCII punctuation are percent-encoded.
    pub fn url(&self, site_path: &str) -> String {
        let mut out = String::with_capacity(self.path.len() + site_path.len());
        out.push_str(&self.path);
        encode_path_into(site_path.trim_start_matches('/'), false, &mut out);
        out
    }

    /// Absolute URL of a site path, fully percent-encoded, for feeds, sitemaps and canonical
    /// links (sitemaps must be plain ASCII).
    pub fn absolute(&self, site_path: &str) -> String {
        let mut out = String::with_capacity(self.origin.len() + self.path.len() + site_path.len() * 3);
        out.push_str(&self.origin);
        encode_path_into(&self.path, true, &mut out);
        encode_path_into(site_path.trim_start_matches('/'), true, &mut out);
        out
    }
}

/// Percent-encodes what is not allowed raw in a URL path: keeps `/`, `#`, unreserved ASCII, and
/// (unless `ascii_only`) every non-ASCII character.
pub fn encode_path_into(path: &str, ascii_only: bool, out: &mut String) {
    for c in path.chars() {
        if !c.is_ascii() && !ascii_only {
            out.push(c);
            continue;
        }
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            let keep = b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~' | b'#');
            if keep {
                out.push(b as char);
                continue;
            }
            out.push('%');
            out.push(char::from_digit((b >> 4) as u32, 16).unwrap().to_ascii_uppercase());
            out.push(char::from_digit((b & 0xf) as u32, 16).unwrap().to_ascii_uppercase());
        }
    }
}

/// Decodes `%XX` escapes; `None` when the result is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_path_is_kept_everywhere() {
        let b = BaseUrl::parse("https://user.github.io/archive").unwrap();
        assert_eq!(b.path(), "/archive/");
        assert_eq!(b.url("timeline/"), "/archive/timeline/");
        assert_eq!(b.url("/style.css"), "/archive/style.css");
        assert_eq!(b.url(""), "/archive/");
        assert_eq!(b.absolute("budget/"), "https://user.github.io/archive/budget/");
    }

    #[test]
    fn hangul_is_kept_in_pages_and_encoded_in_absolute_urls() {
        let b = BaseUrl::parse("http://127.0.0.1:8000/").unwrap();
        assert_eq!(b.url("regions/영남권/"), "/regions/영남권/");
        assert_eq!(b.url("a b/"), "/a%20b/");
        let u = b.absolute("regions/영남권/");
        assert_eq!(u, "http://127.0.0.1:8000/regions/%EC%98%81%EB%82%A8%EA%B6%8C/");
        assert_eq!(percent_decode(&u).unwrap(), "http://127.0.0.1:8000/regions/영남권/");
        assert_eq!(percent_decode("%zz"), None);
    }

    #[test]
    fn rejects_addresses_without_scheme_or_host() {
        assert!(BaseUrl::parse("example.org").is_err());
        assert!(BaseUrl::parse("ftp://example.org").is_err());
        assert!(BaseUrl::parse("https://").is_err());
    }
}
