//! Text catalogs: every word the widget shows, per language, as data; plus each language's
//! plural and number rules.
//!
//! The catalogs are the files in `src/core/locales/`, one per language, `key = text` per line.
//! English is compiled in and is the reference: `build.rs` turns its keys into [`Msg`], so code
//! naming a message that does not exist does not compile, and a native test checks that every
//! other catalog has every key with the same placeholders. The other languages stay out of the
//! wasm (an English visitor downloads none of them); the embed layer fetches the one a visitor
//! needs and [`Catalog::load`] lays it over English, so a key a stale or damaged file lacks shows
//! in English rather than as a blank.

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

use super::catalog_file;
pub use super::catalog_file::Line;
use super::model::Perspective;

/// The English texts the first screens show, as `index[form]=text` lines (by `build.rs`).
const ENGLISH_FIRST: &str = include_str!(concat!(env!("OUT_DIR"), "/en_first.txt"));

/// The English texts only the parts loaded on demand show (the result screen, the team view).
/// Only [`register_later_english`] names them, so in the split build they travel in those parts'
/// chunk; without the split they are read the first time one is needed.
fn english_later() -> &'static [Vec<(Plural, String)>] {
    #[cfg(not(feature = "split"))]
    register_later_english();
    LATER.get().map_or(&[], Vec::as_slice)
}

/// The English forms of a message that loads on demand, once its part has loaded.
fn english_on_demand(msg: Msg) -> &'static [(Plural, String)] {
    english_later().get(msg as usize).map_or(&[], Vec::as_slice)
}

/// The prefix of a self-perspective text's key: `self.q.usage.weekly` is the first-person twin
/// of `q.usage.weekly`.
pub const OWN_PREFIX: &str = "self.";

/// English for the messages of the parts loaded on demand, once registered, in [`Msg`] order (other
/// messages have no forms here).
static LATER: std::sync::OnceLock<Vec<Vec<(Plural, String)>>> = std::sync::OnceLock::new();

/// Makes the English texts of the parts loaded on demand available to every catalog. Called by
/// those parts as they load; harmless to call again.
pub fn register_later_english() {
    const ENGLISH_LATER: &str = include_str!(concat!(env!("OUT_DIR"), "/en_later.txt"));
    LATER.get_or_init(|| english_texts(ENGLISH_LATER));
}

/// Parses `build.rs`'s `index[form]=text` lines into forms per message, in [`Msg`] order.
fn english_texts(source: &str) -> Vec<Vec<(Plural, String)>> {
    let mut texts = vec![Vec::new(); Msg::ALL.len()];
    for line in source.lines() {
        let Some((head, text)) = line.split_once('=') else {
            continue;
        };
        let (index, form) = match head.split_once('[') {
            Some((index, form)) => (index, Plural::from_name(form.trim_end_matches(']'))),
            None => (head, None),
        };
        if let Some(forms) = index.parse::<usize>().ok().and_then(|i| texts.get_mut(i)) {
            forms.push((form.unwrap_or(Plural::Other), unescape(text)));
        }
    }
    texts
}

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the reference.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Arabic, written right to left.
    Ar,
}

/// A plural category, named as in the Unicode CLDR plural rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plural {
    /// Zero items (Arabic).
    Zero,
    /// One item (French: zero or one).
    One,
    /// Two items (Arabic).
    Two,
    /// A few items (Arabic: 3–10 in the last two digits).
    Few,
    /// Many items (Arabic: 11–99 in the last two digits).
    Many,
    /// Everything else.
    Other,
}

impl Plural {
    /// Every category, in the order catalogs list them.
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// The name written in catalogs: `key[one]`.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The form a catalog names: `one` in `key[one]`.
    pub fn from_name(name: &str) -> Option<Plural> {
        Plural::ALL.into_iter().find(|p| p.name() == name)
    }
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ar];

    /// The tags of [`Lang::ALL`] as one line for messages, written out like `config::KEY_LIST`
    /// (a native test checks it).
    pub const LIST: &'static str = "en, de, fr, es, ar";

    /// The language tag: `en`, `de`, …; also the catalog's file name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The value of an HTML `dir` attribute for this language.
    pub fn dir(self) -> &'static str {
        if self.rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language of a tag such as `de-AT` or `pt_BR`, by its primary subtag, if we speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }

    /// The plural category of a count.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::Fr if n <= 1 => Plural::One,
            Lang::Ar => match (n, n % 100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
            Lang::En | Lang::De | Lang::Es if n == 1 => Plural::One,
            _ => Plural::Other,
        }
    }

    /// The categories this language's plural messages must provide.
    pub fn plurals(self) -> &'static [Plural] {
        match self {
            Lang::Ar => &Plural::ALL,
            _ => &[Plural::One, Plural::Other],
        }
    }

    /// A whole number written for this language: its digits and thousands separator, and a real
    /// minus sign (`−12`).
    pub fn number(self, n: i64) -> String {
        let (zero, group, min_digits) = match self {
            Lang::En => ('0', ",", 4),
            Lang::De => ('0', ".", 4),
            Lang::Fr => ('0', "\u{202f}", 4),
            // Spanish groups only from five digits: 1000, 10.000.
            Lang::Es => ('0', ".", 5),
            Lang::Ar => ('\u{660}', "\u{66c}", 4),
        };
        // Digits by hand, most significant first: no formatting machinery needed.
        let mut digits = [0u8; 20];
        let mut len = 0;
        let mut rest = n.unsigned_abs();
        loop {
            digits[len] = (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let mut out = String::new();
        if n < 0 {
            out.push('\u{2212}');
        }
        for i in (0..len).rev() {
            out.push(char::from_u32(u32::from(zero) + u32::from(digits[i])).unwrap_or('?'));
            if i > 0 && i % 3 == 0 && len >= min_digits {
                out.push_str(group);
            }
        }
        out
    }

    /// A whole percentage written for this language: `42%`, `42 %`, `٤٢٪`.
    pub fn percent(self, n: i64) -> String {
        let sign = match self {
            Lang::En => "%",
            Lang::De | Lang::Es => "\u{a0}%",
            Lang::Fr => "\u{202f}%",
            Lang::Ar => "\u{66a}",
        };
        self.number(n) + sign
    }

    /// A change in points with its sign: `+12`, `−5`, `±0`.
    pub fn signed(self, delta: i64) -> String {
        let sign = match delta {
            d if d > 0 => "+",
            0 => "±",
            _ => "",
        };
        sign.to_string() + &self.number(delta)
    }
}

/// The widget's language: the configured one when there is a catalog for it, else the first of
/// the browser's preferred languages we speak (`de-AT` → German), else English.
pub fn negotiate(configured: Option<&str>, browser: &[String]) -> Lang {
    configured
        .and_then(Lang::from_tag)
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or(Lang::En)
}

/// Why a catalog line, or a host's text override, was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// A line without `=`.
    NoEquals {
        /// Line number, from 1.
        line: usize,
    },
    /// A key that is not a message.
    UnknownKey {
        /// The key as written.
        key: String,
    },
    /// A plural form on a message without plurals, or one the language does not use.
    UnknownForm {
        /// The key as written, with its form.
        key: String,
    },
    /// The text has other placeholders than the English one.
    Placeholders {
        /// The key as written.
        key: String,
        /// The placeholders the text must have, like `{n}, {level}`.
        expected: String,
    },
    /// The text is empty.
    Empty {
        /// The key as written.
        key: String,
    },
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::NoEquals { line } => write!(f, "line {line} has no \"key = text\""),
            CatalogError::UnknownKey { key } => write!(
                f,
                "\"{key}\" is not a text key (keys look like \"intro.title\")"
            ),
            CatalogError::UnknownForm { key } => {
                write!(f, "\"{key}\" names a plural form this text does not have")
            }
            CatalogError::Placeholders { key, expected } if expected.is_empty() => {
                write!(f, "\"{key}\" must not contain placeholders in braces")
            }
            CatalogError::Placeholders { key, expected } => {
                write!(
                    f,
                    "\"{key}\" must contain exactly the placeholders {expected}"
                )
            }
            CatalogError::Empty { key } => write!(f, "\"{key}\" has an empty text"),
        }
    }
}

impl std::error::Error for CatalogError {}

/// The `key = text` lines of a catalog file; notes (`#`) and blank lines are skipped.
pub fn lines(source: &str) -> impl Iterator<Item = Result<Line<'_>, CatalogError>> {
    catalog_file::lines(source).map(|line| {
        line.map_err(|bad| match bad.key {
            // `key[one = …`: a form nobody can use.
            Some(key) => CatalogError::UnknownForm {
                key: key.to_string(),
            },
            None => CatalogError::NoEquals { line: bad.number },
        })
    })
}

/// Turns each `\n` into a line break. By hand: `str::replace` with a string pattern would cost
/// the bundle a substring searcher.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&'n') {
            chars.next();
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

impl Msg {
    /// The message's key, like `intro.title`.
    pub fn key(self) -> &'static str {
        KEYS.lines().nth(self as usize).unwrap_or_default()
    }

    /// The message with this key.
    pub fn from_key(key: &str) -> Option<Msg> {
        KEYS.lines()
            .position(|k| k == key)
            .and_then(|i| Msg::ALL.get(i).copied())
    }

    /// Whether the message has plural forms, and its placeholders, as in English.
    fn shape(self) -> (bool, Vec<&'static str>) {
        let line = SHAPES.lines().nth(self as usize).unwrap_or_default();
        let names = line
            .get(1..)
            .unwrap_or_default()
            .split(',')
            .filter(|n| !n.is_empty())
            .collect();
        (line.starts_with('p'), names)
    }
}

pub use super::placeholders::placeholders;

/// Whether two placeholder lists hold the same names, in any order.
fn same_names(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|n| b.contains(n))
}

/// Every text of one language, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// The language the texts are in.
    pub lang: Lang,
    /// Whose voice they speak in: a lead's about their team, or a person's about their own work.
    pub voice: Perspective,
    /// Per message, in [`Msg`] order: its forms. A message without plurals has one, `Other`.
    texts: Vec<Vec<(Plural, String)>>,
}

impl Catalog {
    /// The English catalog. The texts of the parts loaded on demand are looked up when shown
    /// (see [`register_later_english`]).
    pub fn english() -> Catalog {
        Catalog {
            lang: Lang::En,
            voice: Perspective::Team,
            texts: english_texts(ENGLISH_FIRST),
        }
    }

    /// `source`, a catalog file of `lang`, laid over English. Lines that cannot be used are
    /// returned as errors and their messages stay in English; so do messages the file lacks.
    pub fn load(lang: Lang, source: &str) -> (Catalog, Vec<CatalogError>) {
        let mut catalog = Catalog::english();
        catalog.lang = lang;
        let errors = catalog.overlay(source, "");
        (catalog, errors)
    }

    /// This catalog as a person reads it about their own work (the self perspective): every text
    /// with a first-person twin (`self.<key>` in `en.self.txt`) shows the twin, taken from
    /// `source` (the language's `<tag>.self.txt`) or else from English. Lines of `source` that
    /// cannot be used are returned as errors.
    pub fn in_own_voice(&self, source: &str) -> (Catalog, Vec<CatalogError>) {
        // The English twins, as `index[form]=text` lines by their team text's index.
        const ENGLISH_SELF: &str = include_str!(concat!(env!("OUT_DIR"), "/en_self.txt"));
        let mut voiced = self.clone();
        voiced.voice = Perspective::Person;
        for (i, forms) in english_texts(ENGLISH_SELF).into_iter().enumerate() {
            if !forms.is_empty() {
                voiced.texts[i] = forms;
            }
        }
        let errors = voiced.overlay(source, OWN_PREFIX);
        (voiced, errors)
    }

    /// Lays the lines of a catalog file over this catalog, each key written with `prefix`; lines
    /// that cannot be used are returned as errors and their messages keep what they had.
    fn overlay(&mut self, source: &str, prefix: &str) -> Vec<CatalogError> {
        let lang = self.lang;
        let before = self.texts.clone();
        let catalog = self;
        let mut errors = Vec::new();
        let mut seen: Vec<Msg> = Vec::new();
        for line in lines(source) {
            let result = line.and_then(|line| {
                let key =
                    line.key
                        .strip_prefix(prefix)
                        .ok_or_else(|| CatalogError::UnknownKey {
                            key: line.key.to_string(),
                        })?;
                let msg = Catalog::check(key, line.form, line.text, lang)?;
                // The first line of a message replaces all of English's forms.
                if !seen.contains(&msg.0) {
                    seen.push(msg.0);
                    catalog.texts[msg.0 as usize].clear();
                }
                catalog.texts[msg.0 as usize]
                    .push((msg.1.unwrap_or(Plural::Other), unescape(line.text)));
                Ok(())
            });
            if let Err(e) = result {
                errors.push(e);
            }
        }
        // A plural message that came without its `other` form keeps English rather than a hole.
        for msg in seen {
            let forms = &catalog.texts[msg as usize];
            if !forms.iter().any(|(p, _)| *p == Plural::Other) {
                errors.push(CatalogError::UnknownForm {
                    key: format!("{}[other]", msg.key()),
                });
                catalog.texts[msg as usize] = before[msg as usize].clone();
            }
        }
        errors
    }

    /// Checks one text for `key` (with an optional plural form) against English: the key exists,
    /// the form fits the message and `lang`, the text is not empty and has the same placeholders.
    /// English's side comes from the generated message shapes, so no catalog is needed.
    pub fn check(
        key: &str,
        form: Option<&str>,
        text: &str,
        lang: Lang,
    ) -> Result<(Msg, Option<Plural>), CatalogError> {
        let written = || match form {
            Some(f) => format!("{key}[{f}]"),
            None => key.to_string(),
        };
        let msg = Msg::from_key(key).ok_or_else(|| CatalogError::UnknownKey { key: written() })?;
        let (plural, mut expected) = msg.shape();
        let form = match form {
            None => None,
            Some(name) => match Plural::from_name(name) {
                Some(p) if plural && lang.plurals().contains(&p) => Some(p),
                _ => return Err(CatalogError::UnknownForm { key: written() }),
            },
        };
        if text.trim().is_empty() {
            return Err(CatalogError::Empty { key: written() });
        }
        let found = placeholders(text);
        // A plural form may leave out its count: "one person", "نقطتان".
        if form.is_some() && !found.contains(&"n") {
            expected.retain(|p| *p != "n");
        }
        if !same_names(&found, &expected) {
            let list = expected.iter().fold(String::new(), |mut list, p| {
                if !list.is_empty() {
                    list.push_str(", ");
                }
                list.push('{');
                list.push_str(p);
                list.push('}');
                list
            });
            return Err(CatalogError::Placeholders {
                key: written(),
                expected: list,
            });
        }
        Ok((msg, form))
    }

    /// Replaces a message's text: one plural form, or every form when `form` is `None`.
    pub fn set(&mut self, msg: Msg, form: Option<Plural>, text: &str) {
        let forms = &mut self.texts[msg as usize];
        match form {
            Some(p) => match forms.iter_mut().find(|(q, _)| *q == p) {
                Some(slot) => slot.1 = text.to_string(),
                None => forms.push((p, text.to_string())),
            },
            // A message whose English is still on its way has no forms yet: its `other` form.
            None if forms.is_empty() => forms.push((Plural::Other, text.to_string())),
            None => forms.iter_mut().for_each(|slot| slot.1 = text.to_string()),
        }
    }

    /// The plural forms a message has in this catalog.
    pub fn forms(&self, msg: Msg) -> Vec<Plural> {
        self.forms_of(msg).iter().map(|(p, _)| *p).collect()
    }

    /// A message's forms: this catalog's own, or English from the part that shows it.
    fn forms_of(&self, msg: Msg) -> &[(Plural, String)] {
        let own = &self.texts[msg as usize];
        match own.is_empty() {
            true => english_on_demand(msg),
            false => own,
        }
    }

    /// A message's text (its `other` form), placeholders unfilled.
    pub fn get(&self, msg: Msg) -> &str {
        self.form(msg, Plural::Other)
    }

    fn form(&self, msg: Msg, plural: Plural) -> &str {
        let own = &self.texts[msg as usize];
        // A host may have replaced one form of a message whose English came with its part.
        pick(own, plural)
            .or_else(|| pick(english_on_demand(msg), plural))
            .or(own.first())
            .map_or("", |(_, t)| t)
    }

    /// A message with its placeholders filled from `args` (`("level", "Adopting")`).
    pub fn fill(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.get(msg), args)
    }

    /// A plural message: the form for `n`, with `{n}` written for the language and `args` filled.
    pub fn count(&self, msg: Msg, n: u64, args: &[(&str, &str)]) -> String {
        let number = self.lang.number(i64::try_from(n).unwrap_or(i64::MAX));
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(self.form(msg, self.lang.plural(n)), &all)
    }

    /// A whole number written for the catalog's language.
    pub fn number(&self, n: impl Into<i64>) -> String {
        self.lang.number(n.into())
    }
}

/// The form for `plural` among `forms`, else their `other` form.
fn pick(forms: &[(Plural, String)], plural: Plural) -> Option<&(Plural, String)> {
    forms
        .iter()
        .find(|(p, _)| *p == plural)
        .or_else(|| forms.iter().find(|(p, _)| *p == Plural::Other))
}

/// `text` with each `{name}` replaced by its value in `args`; unknown names stay as written.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after
            .split_once('}')
            .and_then(|(name, tail)| Some((args.iter().find(|(k, _)| *k == name)?.1, tail)))
        {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
