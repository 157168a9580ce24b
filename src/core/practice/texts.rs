//! The practice catalog: the coach's texts in one language, read from
//! `src/core/locales/practice/<tag>.txt` with the widget's one catalog reader. They are kept
//! apart from the main catalogs, so a visitor who never opens practice downloads none of them.

use std::collections::BTreeMap;

use crate::core::catalog_file;
use crate::core::i18n::{fill, unescape, Lang, Plural};

use super::roles::required_keys;

/// The English practice texts, the reference every other language is laid over.
const ENGLISH: &str = include_str!("../locales/practice/en.txt");

/// Every practice text of one language, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeTexts {
    /// The language the texts are in.
    pub lang: Lang,
    /// Per key: its forms; a text without plurals has one, `Other`.
    texts: BTreeMap<String, Vec<(Plural, String)>>,
}

/// A line of a practice catalog that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A line that is neither a note nor `key = text`, or whose plural form is not closed.
    Malformed {
        /// Line number, from 1.
        line: usize,
    },
    /// A plural form the language does not have (`[few]` in English) or that nobody knows.
    UnknownForm {
        /// The key as written.
        key: String,
    },
    /// `key =` with nothing after it.
    Empty {
        /// The key.
        key: String,
    },
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextProblem::Malformed { line } => write!(f, "line {line} is not `key = text`"),
            TextProblem::UnknownForm { key } => {
                write!(
                    f,
                    "\"{key}\" names a plural form this language does not have"
                )
            }
            TextProblem::Empty { key } => write!(f, "\"{key}\" has an empty text"),
        }
    }
}

impl std::error::Error for TextProblem {}

/// A text a card or a sentence needs and the catalog lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingText {
    /// Its key.
    pub key: String,
}

impl std::fmt::Display for MissingText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the practice text \"{}\" is missing", self.key)
    }
}

impl std::error::Error for MissingText {}

impl PracticeTexts {
    /// The English texts.
    pub fn english() -> PracticeTexts {
        PracticeTexts::parse(Lang::En, ENGLISH).0
    }

    /// `source`, a practice catalog of `lang`, laid over English: a text the file lacks or cannot
    /// give shows in English. Lines that cannot be used come back as problems.
    pub fn load(lang: Lang, source: &str) -> (PracticeTexts, Vec<TextProblem>) {
        let mut texts = PracticeTexts::english();
        texts.lang = lang;
        let (own, problems) = PracticeTexts::parse(lang, source);
        texts.texts.extend(own.texts);
        (texts, problems)
    }

    /// Only the texts of `source`, a practice catalog of `lang`, with nothing laid under it; what
    /// the file lacks is missing (see [`PracticeTexts::missing`]).
    pub fn parse(lang: Lang, source: &str) -> (PracticeTexts, Vec<TextProblem>) {
        let mut texts: BTreeMap<String, Vec<(Plural, String)>> = BTreeMap::new();
        let mut problems = Vec::new();
        for line in catalog_file::lines(source) {
            let line = match line {
                Ok(line) => line,
                Err(bad) => {
                    problems.push(TextProblem::Malformed { line: bad.number });
                    continue;
                }
            };
            let written = || match line.form {
                Some(form) => format!("{}[{form}]", line.key),
                None => line.key.to_string(),
            };
            let form = match line.form {
                None => Plural::Other,
                Some(name) => match Plural::from_name(name) {
                    Some(p) if lang.plurals().contains(&p) => p,
                    _ => {
                        problems.push(TextProblem::UnknownForm { key: written() });
                        continue;
                    }
                },
            };
            if line.text.is_empty() {
                problems.push(TextProblem::Empty { key: written() });
                continue;
            }
            let forms = texts.entry(line.key.to_string()).or_default();
            forms.retain(|(p, _)| *p != form);
            forms.push((form, unescape(line.text)));
        }
        (PracticeTexts { lang, texts }, problems)
    }

    /// The keys of a complete catalog that this one lacks, in a fixed order.
    pub fn missing(&self) -> Vec<String> {
        required_keys()
            .into_iter()
            .filter(|key| !self.texts.contains_key(key))
            .collect()
    }

    /// The plural forms `key` has here.
    pub fn forms(&self, key: &str) -> Vec<Plural> {
        self.texts
            .get(key)
            .map(|forms| forms.iter().map(|(p, _)| *p).collect())
            .unwrap_or_default()
    }

    /// A text (its `other` form), placeholders unfilled.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.form(key, Plural::Other)
    }

    /// A text, or which one is missing.
    pub fn text(&self, key: &str) -> Result<&str, MissingText> {
        self.get(key).ok_or_else(|| MissingText {
            key: key.to_string(),
        })
    }

    /// A text with its placeholders filled from `args`.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> Result<String, MissingText> {
        self.text(key).map(|text| fill(text, args))
    }

    /// A plural text: the form for `n`, with `{n}` written for the language and `args` filled.
    pub fn count(&self, key: &str, n: u64, args: &[(&str, &str)]) -> Result<String, MissingText> {
        let text = self
            .form(key, self.lang.plural(n))
            .ok_or_else(|| MissingText {
                key: key.to_string(),
            })?;
        let number = self.lang.number(i64::try_from(n).unwrap_or(i64::MAX));
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        Ok(fill(text, &all))
    }

    /// The form `plural` of a text as written (its `other` form when it has no such form),
    /// placeholders unfilled.
    pub fn form(&self, key: &str, plural: Plural) -> Option<&str> {
        let forms = self.texts.get(key)?;
        forms
            .iter()
            .find(|(p, _)| *p == plural)
            .or_else(|| forms.iter().find(|(p, _)| *p == Plural::Other))
            .or(forms.first())
            .map(|(_, text)| text.as_str())
    }
}
