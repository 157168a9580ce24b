//! Share links: a result travels as `#ai-readiness=<code>` on the page's own address, so opening
//! the link shows that result with no server involved.

use super::bank::QUESTION_SET;
use super::code::{decode, CodeError};
use super::model::{Answers, Perspective};

/// The fragment key that carries a result code.
pub const FRAGMENT_KEY: &str = "ai-readiness";

/// The share link for `code` on the page at `page_url` (any fragment it had is replaced).
pub fn link(page_url: &str, code: &str) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    format!("{base}#{FRAGMENT_KEY}={code}")
}

/// Reads a page's fragment (`location.hash`, with or without `#`). `None` when it carries no
/// result code at all; otherwise the shared answers with the perspective they were given from
/// (a link opens in its code's perspective), or why the code could not be read.
pub fn from_fragment(fragment: &str) -> Option<Result<(Answers, Perspective), CodeError>> {
    code_in_fragment(fragment).map(open)
}

/// The result code a page's fragment carries, as written (still percent-encoded), if any.
pub fn code_in_fragment(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

/// The perspective a link's code names by its first character (`S` for a person's own
/// result), before it is read: enough to choose the texts' voice while the code is checked.
pub fn perspective_hint(code: &str) -> Perspective {
    match code.trim_start().starts_with(['S', 's']) {
        true => Perspective::Person,
        false => Perspective::Team,
    }
}

/// Reads a shared code as found in a fragment: the answers and their perspective, or why not.
pub fn open(written: &str) -> Result<(Answers, Perspective), CodeError> {
    decode(&percent_decode(written)).and_then(|decoded| {
        // An older question set's answers would mean something else under today's questions.
        if decoded.question_set == QUESTION_SET {
            Ok((decoded.answers, decoded.perspective))
        } else {
            Err(CodeError::UnknownVersion {
                version: decoded.question_set.to_string(),
            })
        }
    })
}

/// Undoes `%20`-style escapes that mail and chat tools add; anything malformed is kept as is and
/// then rejected by the code check.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fragment with the result code taken out (`#a=1&ai-readiness=…` → `#a=1`, or empty), so
/// a reload after opening a share link shows the visitor's own progress.
pub fn fragment_without_code(fragment: &str) -> String {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut out = String::new();
    for part in body.split('&') {
        let ours = part
            .strip_prefix(FRAGMENT_KEY)
            .is_some_and(|rest| rest.starts_with('='));
        if !part.is_empty() && !ours {
            out.push(if out.is_empty() { '#' } else { '&' });
            out.push_str(part);
        }
    }
    out
}
