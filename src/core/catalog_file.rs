//! The one reading of catalog files: `key = text` lines, `key[form] = text` for a plural form,
//! `#` notes. `build.rs` includes this file as it is to read the English catalog, and the runtime
//! reads every other catalog (and `src/bin/catalog.rs` the shipped files) through the same
//! function, so a line means the same everywhere and a malformed one fails the build.

/// One `key = text` line of a catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// Line number, from 1.
    pub number: usize,
    /// The key without its plural form.
    pub key: &'a str,
    /// The plural form, for `key[one]`.
    pub form: Option<&'a str>,
    /// The text as written, `\n` escapes and all.
    pub text: &'a str,
}

/// A line that is neither a note nor `key = text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed<'a> {
    /// Line number, from 1.
    pub number: usize,
    /// The key as written when its plural form is not closed (`key[one = …`); `None` when the
    /// line has no `=`.
    pub key: Option<&'a str>,
}

/// The `key = text` lines of a catalog file; notes (`#`) and blank lines are skipped.
pub fn lines(source: &str) -> impl Iterator<Item = Result<Line<'_>, Malformed<'_>>> {
    source.lines().enumerate().filter_map(|(i, raw)| {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let number = i + 1;
        let Some((key, text)) = raw.split_once('=') else {
            return Some(Err(Malformed { number, key: None }));
        };
        let key = key.trim();
        let Some((key, form)) = split_form(key) else {
            return Some(Err(Malformed {
                number,
                key: Some(key),
            }));
        };
        Some(Ok(Line {
            number,
            key,
            form,
            text: text.trim(),
        }))
    })
}

/// A key as written, `key` or `key[form]`, split into the key and its plural form; `None` when a
/// form is not closed by exactly one `]` (`key[one`). Host texts given in `strings` are read by
/// the same rule.
pub fn split_form(written: &str) -> Option<(&str, Option<&str>)> {
    match written.split_once('[') {
        Some((key, form)) => Some((key, Some(form.strip_suffix(']')?))),
        None => Some((written, None)),
    }
}
