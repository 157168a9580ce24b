//! Widget configuration: one set of keys, given as `data-*` attributes on the host element and as
//! the object passed to `mount` or `setConfig`, validated here with messages that name the key,
//! the value and what is accepted.
//!
//! The embed layer turns what it found into a list of [`Entry`]s, attributes first, then the
//! object's keys; a later entry for the same key wins, so the order is defaults < attributes <
//! `mount` config < `setConfig` calls.

use std::rc::Rc;

use super::catalog_file;
use super::code::{shorten, ResultCode};
use super::colour;
use super::i18n::{Catalog, CatalogError, Lang, Msg, Plural};
use super::lead::{self, LeadConfig, LeadMode};
use super::model::Perspective;
use super::scoring::Outcome;
use super::team::{TeamPrivacy, MIN_GROUP_SIZE, MIN_GROUP_SIZES};

/// A configuration value as it arrived, reduced to what validation needs.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigValue {
    /// A boolean.
    Bool(bool),
    /// A number, as JavaScript writes it (`42`, `1.5`, `NaN`); kept as text so the core never
    /// formats floats, which would cost the bundle a float printer.
    Number(String),
    /// A string.
    Text(String),
    /// A plain object's entries (only `strings` takes one).
    Map(Vec<(String, ConfigValue)>),
    /// Anything else, described by its JavaScript type (`a function`, `an array`, …).
    Other(String),
}

impl ConfigValue {
    fn describe(&self) -> String {
        match self {
            ConfigValue::Bool(b) => format!("boolean {b}"),
            ConfigValue::Number(n) => format!("number {n}"),
            ConfigValue::Text(s) => format!("\"{}\"", shorten(s)),
            ConfigValue::Map(_) => "an object".to_string(),
            ConfigValue::Other(kind) => kind.clone(),
        }
    }
}

/// Where an entry came from, so a message can use the name the host wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A `data-*` attribute on the host element (key given in camelCase).
    Attribute,
    /// A key of the object passed to `mount` or `setConfig`.
    Object,
}

/// `entries` followed by `added` (a `setConfig` call's entries), without what a new one makes
/// moot, so that a widget's thousandth change costs what its first did: an entry with a new
/// one's key, and from a `strings` object, the texts a new `strings` object gives again (their
/// texts add up, so an object stays while it holds any). The result parses to the configuration
/// appending would give.
pub fn merge(entries: &[Entry], added: Vec<Entry>) -> Vec<Entry> {
    let given: Vec<&String> = added
        .iter()
        .filter_map(|new| match (new.key.as_str(), &new.value) {
            ("strings", ConfigValue::Map(texts)) => Some(texts),
            _ => None,
        })
        .flatten()
        .map(|(key, _)| key)
        .collect();
    let mut merged = Vec::new();
    for old in entries {
        let mut old = old.clone();
        match &mut old.value {
            ConfigValue::Map(texts) if old.key == "strings" => {
                texts.retain(|(key, _)| !given.contains(&key));
                if texts.is_empty() {
                    continue;
                }
            }
            _ if added.iter().any(|new| new.key == old.key) => continue,
            _ => {}
        }
        merged.push(old);
    }
    merged.extend(added);
    merged
}

/// One key/value pair from the host.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where it came from.
    pub source: Source,
    /// The key in camelCase (`ctaUrl`), also for attributes (`data-cta-url`).
    pub key: String,
    /// The value.
    pub value: ConfigValue,
}

impl Entry {
    /// An entry from the `mount`/`setConfig` object.
    pub fn object(key: &str, value: ConfigValue) -> Self {
        Entry {
            source: Source::Object,
            key: key.to_string(),
            value,
        }
    }

    /// An entry from a `data-*` attribute, given its camelCase key.
    pub fn attribute(key: &str, value: &str) -> Self {
        Entry {
            source: Source::Attribute,
            key: key.to_string(),
            value: ConfigValue::Text(value.to_string()),
        }
    }

    /// The name as the host wrote it: `ctaUrl` or `data-cta-url`.
    fn name(&self) -> String {
        match self.source {
            Source::Object => self.key.clone(),
            Source::Attribute => attribute_name(&self.key),
        }
    }
}

/// `ctaUrl` → `data-cta-url`.
pub fn attribute_name(key: &str) -> String {
    let mut out = String::from("data-");
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `cta-url` (a `data-*` attribute name without the prefix) → `ctaUrl`.
pub fn key_from_attribute(rest: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in rest.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Colour scheme of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light background.
    Light,
    /// Dark background.
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The value as written in config.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// A call to action shown on the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallToAction {
    /// The link text.
    pub label: String,
    /// Where it leads: an http(s) or relative URL.
    pub url: String,
}

/// A validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The requested locale tag, as given (`de-AT`); `None` follows the browser.
    pub locale: Option<String>,
    /// Colour scheme.
    pub theme: Theme,
    /// Accent colour, a CSS colour; `None` keeps the stylesheet's accent.
    pub accent: Option<String>,
    /// The host's own texts, in the order given; `title` and `intro` are two of them.
    pub strings: Vec<TextOverride>,
    /// The call to action on the result, if configured.
    pub cta: Option<CallToAction>,
    /// Whether to show the intro screen before the first question.
    pub show_intro: bool,
    /// Prefix for anything the widget keeps in the browser's storage.
    pub storage_key: String,
    /// Whether progress and the last result are kept in the browser's storage; off keeps them
    /// in memory only.
    pub storage: bool,
    /// `storage: "session"`: kept in `sessionStorage`, for this tab only (shared computers).
    pub session: bool,
    /// Days a waiting submission with lead fields is kept before it is dropped unsent
    /// (`outboxDays`, 1 to 30).
    pub outbox_days: u32,
    /// Which view the widget opens with.
    pub mode: Mode,
    /// Whether each public event is also pushed to `window.dataLayer` (Google Tag Manager).
    pub data_layer: bool,
    /// The lead form: `lead`, `leadFields`, `leadConsent`, `leadPrivacyUrl`.
    pub lead: LeadConfig,
    /// Where results and leads are posted (`submitUrl`), if anywhere.
    pub submit_url: Option<String>,
    /// Origins besides the page's own that a `submitUrl` from markup may lead to (`connect`,
    /// only from a script), as [`origin_of`] writes them.
    pub connect: Vec<String>,
    /// Whose work the questions ask about (`perspective`): a lead's team or the visitor's own.
    pub perspective: Perspective,
    /// Whether a result offers "Open the team view" (`teamLink`): on for intranet pages where
    /// leads collect codes, off so a blog visitor never lands on an empty paste box.
    pub team_link: bool,
    /// Whether the team view names people or shows groups only (`teamPrivacy`).
    pub team_privacy: TeamPrivacy,
    /// The smallest group an aggregate team view shows scores for (`minGroupSize`).
    pub min_group_size: u8,
    /// The host's own sentence for the intro's privacy line (`privacyNote`), in place of the
    /// default that names the page's site.
    pub privacy_note: Option<String>,
    /// `submitAnonymous`: with the lead form on, a result is sent to `submitUrl` when it is
    /// reached, before the visitor sends or declines the form (off: only once they have).
    pub submit_anonymous: bool,
    /// The site the intro's privacy line names (`blog.example`): the page's host name, or the
    /// parent page's in iframe mode. Not a key: the embed layer sets it when the widget mounts.
    pub site: String,
}

/// A host's replacement for one catalog text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextOverride {
    /// Only for this language (`"de:intro.title"`); `None` for every language.
    pub lang: Option<Lang>,
    /// The message replaced.
    pub msg: Msg,
    /// One plural form (`"team.problems[one]"`); `None` replaces every form.
    pub form: Option<Plural>,
    /// The text, with the same placeholders as the catalog's.
    pub text: String,
}

impl Config {
    /// Whether anything the visitor answers or types can leave the page: a `submitUrl` (kept
    /// once the page owner's rules allowed it), `dataLayer` pushes, or a lead form; a host's
    /// `privacyNote` is shown whatever it says. Otherwise the intro says nothing leaves.
    pub fn shares(&self) -> bool {
        self.submit_url.is_some()
            || self.data_layer
            || self.lead.mode != LeadMode::Off
            || self.privacy_note.is_some()
    }

    /// `base` (a language's catalog) with this configuration's texts for that language on top;
    /// `base` itself, shared, when none apply (a catalog holds hundreds of texts, and every
    /// widget on a page would otherwise keep its own copy).
    pub fn catalog(&self, base: &Rc<Catalog>) -> Rc<Catalog> {
        // Texts for every language first, so a language's own text wins whatever the order.
        let general = self.strings.iter().filter(|o| o.lang.is_none());
        let mut texts = general
            .chain(self.strings.iter().filter(|o| o.lang == Some(base.lang)))
            .peekable();
        if texts.peek().is_none() {
            return base.clone();
        }
        let mut catalog = (**base).clone();
        for o in texts {
            catalog.set(o.msg, o.form, &o.text);
        }
        Rc::new(catalog)
    }
}

/// What the widget is for on this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A visitor takes the assessment.
    Assessment,
    /// A team lead combines result codes.
    Team,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            locale: None,
            theme: Theme::Light,
            accent: None,
            strings: Vec::new(),
            cta: None,
            show_intro: true,
            storage_key: "ai-readiness".to_string(),
            storage: true,
            session: false,
            outbox_days: super::delivery::OUTBOX_DAYS,
            mode: Mode::Assessment,
            data_layer: false,
            lead: LeadConfig::default(),
            submit_url: None,
            connect: Vec::new(),
            perspective: Perspective::Team,
            team_link: false,
            privacy_note: None,
            submit_anonymous: false,
            site: String::new(),
            team_privacy: TeamPrivacy::Named,
            min_group_size: MIN_GROUP_SIZE,
        }
    }
}

/// Every key the configuration knows, for messages and documentation.
pub const KEYS: [&str; 27] = [
    "locale",
    "theme",
    "accent",
    "title",
    "intro",
    "strings",
    "ctaLabel",
    "ctaUrl",
    "showIntro",
    "storageKey",
    "storage",
    "mode",
    "dataLayer",
    "submitUrl",
    "connect",
    "outboxDays",
    "lead",
    "leadFields",
    "leadConsent",
    "leadPrivacyUrl",
    "perspective",
    "teamLink",
    "teamPrivacy",
    "minGroupSize",
    "load",
    "privacyNote",
    "submitAnonymous",
];

/// Keys read once when a widget mounts; `setConfig` changes them only for the next mount.
pub const AT_MOUNT: [&str; 6] = [
    "showIntro",
    "storage",
    "storageKey",
    "mode",
    "perspective",
    "load",
];

/// [`KEYS`] as one line for messages. Written out because a `join` at run time would cost the
/// bundle a function; a native test checks it is `KEYS.join(", ")`.
pub const KEY_LIST: &str =
    "locale, theme, accent, title, intro, strings, ctaLabel, ctaUrl, showIntro, storageKey, storage, mode, dataLayer, submitUrl, connect, outboxDays, lead, leadFields, leadConsent, leadPrivacyUrl, perspective, teamLink, teamPrivacy, minGroupSize, load, privacyNote, submitAnonymous";

/// Why a configuration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The configuration as a whole is not a plain object.
    NotAnObject {
        /// What it was instead.
        got: String,
    },
    /// A key has a value it does not accept.
    Invalid {
        /// The key as the host wrote it (`theme` or `data-theme`).
        key: String,
        /// What the key accepts.
        expected: &'static str,
        /// What it got.
        got: String,
    },
    /// One text of `strings` cannot be used.
    Text {
        /// The key as the host wrote it (`strings` or `data-strings`).
        key: String,
        /// What is wrong, naming the text's key.
        problem: String,
    },
    /// `submitUrl` from markup leads to an origin the page owner did not name.
    NotConnected {
        /// The origin it leads to.
        origin: String,
    },
    /// One of `ctaLabel` and `ctaUrl` came without the other.
    HalfCallToAction {
        /// The key that is missing.
        missing: &'static str,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NotAnObject { got } => {
                write!(
                    f,
                    "config must be an object like {{ theme: \"dark\" }}, got {got}"
                )
            }
            ConfigError::Invalid { key, expected, got } => {
                write!(f, "{key} must be {expected}, got {got}")
            }
            ConfigError::Text { key, problem } => write!(f, "{key}: {problem}"),
            ConfigError::HalfCallToAction { missing } => {
                write!(f, "ctaLabel and ctaUrl go together: {missing} is missing")
            }
            ConfigError::NotConnected { origin } => write!(
                f,
                "data-submit-url leads to {origin}, which the page owner did not name; nothing is sent there. Name it where user content cannot reach: data-connect=\"{origin}\" on the embed.js script element, or connect in mount()"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// The key the problem is about, as the host wrote it (`data-accent` or `accent`).
    pub fn key(&self) -> String {
        match self {
            ConfigError::NotAnObject { .. } => "config".to_string(),
            ConfigError::Invalid { key, .. } | ConfigError::Text { key, .. } => key.clone(),
            ConfigError::HalfCallToAction { missing } => missing.to_string(),
            ConfigError::NotConnected { .. } => "data-submit-url".to_string(),
        }
    }
}

/// The call to action's URL for a result: `{level}`, `{overall}`, `{biggestGap}`, `{code}` and
/// `{perspective}` filled in and percent-encoded.
pub fn result_url(
    url: &str,
    outcome: &Outcome,
    code: &ResultCode,
    perspective: Perspective,
) -> String {
    fill_url(
        url,
        &[
            ("level", outcome.level.id()),
            ("overall", &outcome.overall.to_string()),
            ("biggestGap", outcome.biggest_gap.dimension.id()),
            ("code", code.as_str()),
            ("perspective", perspective.id()),
        ],
    )
}

/// A valid configuration plus warnings about entries that were ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The configuration.
    pub config: Config,
    /// One message per ignored entry.
    pub warnings: Vec<String>,
    /// Attribute values that could not be used. A typo in a page's markup must not cost every
    /// visitor the assessment, so each such key keeps its default (a bad `data-cta-url` drops
    /// the call to action) and the widget runs; the embed layer reports each one.
    pub problems: Vec<ConfigError>,
}

/// Longest accepted title, intro or call-to-action label, in characters.
const MAX_TEXT: usize = 300;

/// Validates entries on top of the defaults; later entries for a key win. An invalid object
/// entry (a script's `mount` or `setConfig`) refuses the whole configuration; an invalid
/// attribute is set aside in [`Parsed::problems`] and its key keeps its default.
pub fn parse(entries: &[Entry]) -> Result<Parsed, ConfigError> {
    let mut parsed = Parsed {
        config: Config::default(),
        warnings: Vec::new(),
        problems: Vec::new(),
    };
    // A half call to action caused by a refused attribute is already reported.
    let mut cta_refused = false;
    let mut cta = (None, None);
    for entry in entries {
        match apply(entry, &mut parsed, &mut cta) {
            Ok(()) => {}
            Err(problem) if entry.source == Source::Attribute => {
                cta_refused |= entry.key.starts_with("cta");
                parsed.problems.push(problem);
            }
            Err(problem) => return Err(problem),
        }
    }
    let from_attributes = |key: &str| {
        entries
            .iter()
            .rev()
            .find(|e| e.key == key)
            .is_none_or(|e| e.source == Source::Attribute)
    };
    parsed.config.cta = match cta {
        (Some(label), Some(url)) => Some(CallToAction { label, url }),
        (None, None) => None,
        (label, _) => {
            let missing = if label.is_some() {
                "ctaUrl"
            } else {
                "ctaLabel"
            };
            let problem = ConfigError::HalfCallToAction { missing };
            if !(from_attributes("ctaUrl") && from_attributes("ctaLabel")) {
                return Err(problem);
            }
            if !cta_refused {
                parsed.problems.push(problem);
            }
            None
        }
    };
    Ok(parsed)
}

/// Applies one entry.
fn apply(
    entry: &Entry,
    parsed: &mut Parsed,
    cta: &mut (Option<String>, Option<String>),
) -> Result<(), ConfigError> {
    let (config, warnings) = (&mut parsed.config, &mut parsed.warnings);
    let (cta_label, cta_url) = cta;
    let v = &entry.value;
    {
        match entry.key.as_str() {
            "locale" => {
                let tag = locale(entry)?;
                if Lang::from_tag(&tag).is_none() {
                    warnings.push(format!(
                        "locale \"{}\" has no catalog (there are {}); following the browser's languages",
                        shorten(&tag),
                        Lang::LIST
                    ));
                }
                config.locale = Some(tag);
            }
            "theme" => config.theme = theme(entry)?,
            "accent" => config.accent = Some(accent(entry)?),
            "title" => config
                .strings
                .push(whole_text(Msg::IntroTitle, text_value(entry, v)?)),
            "intro" => config
                .strings
                .push(whole_text(Msg::IntroLead, text_value(entry, v)?)),
            "strings" => strings(entry, &mut config.strings)?,
            "ctaLabel" => *cta_label = Some(text_value(entry, v)?),
            "ctaUrl" => *cta_url = Some(cta_url_value(entry)?),
            "showIntro" => config.show_intro = bool_value(entry)?,
            "storageKey" => config.storage_key = storage_key(entry)?,
            "storage" => {
                config.session = text(entry) == Some("session");
                config.storage = config.session
                    || bool_value(entry)
                        .map_err(|_| invalid(entry, "true, false or \"session\""))?;
            }
            "outboxDays" => {
                config.outbox_days = match &entry.value {
                    ConfigValue::Number(n) | ConfigValue::Text(n) => n.trim().parse().ok(),
                    _ => None,
                }
                .filter(|days| (1..=30).contains(days))
                .ok_or_else(|| invalid(entry, "a whole number of days from 1 to 30"))?
            }
            "mode" => config.mode = mode(entry)?,
            "dataLayer" => config.data_layer = bool_value(entry)?,
            "teamLink" => config.team_link = bool_value(entry)?,
            "privacyNote" => config.privacy_note = Some(text_value(entry, v)?),
            "submitAnonymous" => config.submit_anonymous = bool_value(entry)?,
            "teamPrivacy" => {
                config.team_privacy = text(entry)
                    .and_then(TeamPrivacy::from_id)
                    .ok_or_else(|| invalid(entry, "\"named\" or \"aggregate\""))?
            }
            "minGroupSize" => {
                config.min_group_size = match &entry.value {
                    ConfigValue::Number(n) | ConfigValue::Text(n) => n.trim().parse().ok(),
                    _ => None,
                }
                .filter(|size| MIN_GROUP_SIZES.contains(size))
                .ok_or_else(|| invalid(entry, "a whole number of people from 2 to 50"))?
            }
            // When `embed.js` fetches the wasm; checked here so a typo is reported like any other.
            "load" => {
                text(entry)
                    .filter(|v| matches!(*v, "auto" | "eager"))
                    .ok_or_else(|| invalid(entry, "\"auto\" or \"eager\""))?;
            }
            "perspective" => {
                config.perspective = text(entry)
                    .and_then(Perspective::from_id)
                    .ok_or_else(|| invalid(entry, "\"team\" or \"self\""))?
            }
            "lead" => {
                config.lead.mode = text(entry).and_then(LeadMode::from_id).ok_or_else(|| {
                    invalid(entry, "one of \"off\", \"before-result\", \"after-result\"")
                })?
            }
            "leadFields" => {
                config.lead.rules = text(entry)
                    .and_then(|t| lead::read_rules(t, config.lead.rules))
                    .ok_or_else(|| invalid(entry, lead::FIELDS_EXPECTED))?
            }
            "leadConsent" => config.lead.consent = Some(text_value(entry, v)?),
            "leadPrivacyUrl" => {
                config.lead.privacy_url =
                    Some(url_value(entry, "an http(s) URL or a relative link")?)
            }
            "submitUrl" => {
                config.submit_url = Some(url_value(
                    entry,
                    "an http(s) URL or a relative link to your endpoint",
                )?)
            }
            "connect" => {
                let list = match (entry.source, &entry.value) {
                    (Source::Object, ConfigValue::Text(list)) => read_origins(list).ok(),
                    _ => None,
                };
                config.connect = list.ok_or_else(|| invalid(entry, CONNECT_EXPECTED))?;
            }
            _ => warnings.push(format!(
                "unknown config key \"{}\" ignored; known keys: {}",
                shorten(&entry.name()),
                KEY_LIST
            )),
        }
    }
    Ok(())
}

/// An override of `msg` for every language and form.
fn whole_text(msg: Msg, text: String) -> TextOverride {
    TextOverride {
        lang: None,
        msg,
        form: None,
        text,
    }
}

/// Longest accepted text in `strings`, in characters.
const MAX_STRING: usize = 500;

/// Reads `strings`: an object of catalog keys (optionally `de:`-prefixed, optionally with a
/// `[form]`) and texts that keep the catalog text's placeholders.
fn strings(entry: &Entry, out: &mut Vec<TextOverride>) -> Result<(), ConfigError> {
    let ConfigValue::Map(pairs) = &entry.value else {
        return Err(invalid(
            entry,
            "an object of text keys and texts, such as {\"intro.title\": \"…\"}",
        ));
    };
    let fail = |problem: String| ConfigError::Text {
        key: entry.name(),
        problem,
    };
    for (written, value) in pairs {
        let (lang, key) = match written.split_once(':') {
            Some((tag, key)) => match Lang::ALL.into_iter().find(|l| l.tag() == tag) {
                Some(lang) => (Some(lang), key),
                None => {
                    return Err(fail(format!(
                        "\"{}\" is not a language of the widget ({})",
                        shorten(tag),
                        Lang::LIST
                    )))
                }
            },
            None => (None, written.as_str()),
        };
        let text = match value {
            ConfigValue::Text(t) if !t.trim().is_empty() && t.chars().count() <= MAX_STRING => {
                t.trim()
            }
            other => {
                return Err(fail(format!(
                    "\"{}\" must be a non-empty string of at most 500 characters, got {}",
                    shorten(written),
                    other.describe()
                )))
            }
        };
        // A form is closed by exactly one `]`, as in the catalogs: `key[one` is refused.
        let Some((base, form)) = catalog_file::split_form(key) else {
            let key = key.to_string();
            return Err(fail(CatalogError::UnknownForm { key }.to_string()));
        };
        // Without a language, a form of any language may be meant; Arabic has them all.
        let (msg, form) = Catalog::check(base, form, text, lang.unwrap_or(Lang::Ar))
            .map_err(|e| fail(e.to_string()))?;
        out.push(TextOverride {
            lang,
            msg,
            form,
            text: text.to_string(),
        });
    }
    Ok(())
}

fn invalid(entry: &Entry, expected: &'static str) -> ConfigError {
    ConfigError::Invalid {
        key: entry.name(),
        expected,
        got: entry.value.describe(),
    }
}

fn text(entry: &Entry) -> Option<&str> {
    match &entry.value {
        ConfigValue::Text(s) => Some(s.trim()),
        _ => None,
    }
}

fn text_value(entry: &Entry, value: &ConfigValue) -> Result<String, ConfigError> {
    match value {
        ConfigValue::Text(s) if !s.trim().is_empty() && s.chars().count() <= MAX_TEXT => {
            Ok(s.trim().to_string())
        }
        _ => Err(invalid(
            entry,
            "a non-empty string of at most 300 characters",
        )),
    }
}

fn bool_value(entry: &Entry) -> Result<bool, ConfigError> {
    match &entry.value {
        ConfigValue::Bool(b) => Ok(*b),
        ConfigValue::Text(s) if s.trim() == "true" => Ok(true),
        ConfigValue::Text(s) if s.trim() == "false" => Ok(false),
        _ => Err(invalid(entry, "true or false")),
    }
}

fn theme(entry: &Entry) -> Result<Theme, ConfigError> {
    match text(entry) {
        Some("light") => Ok(Theme::Light),
        Some("dark") => Ok(Theme::Dark),
        Some("auto") => Ok(Theme::Auto),
        _ => Err(invalid(entry, "one of \"light\", \"dark\", \"auto\"")),
    }
}

fn mode(entry: &Entry) -> Result<Mode, ConfigError> {
    match text(entry) {
        Some("assessment") => Ok(Mode::Assessment),
        Some("team") => Ok(Mode::Team),
        _ => Err(invalid(entry, "\"assessment\" or \"team\"")),
    }
}

/// What `accent` accepts, in messages.
const ACCENT_EXPECTED: &str =
    "an opaque CSS colour such as \"#2b5fd9\", \"rgb(43 95 217)\" or \"teal\"";

fn accent(entry: &Entry) -> Result<String, ConfigError> {
    text(entry)
        .filter(|s| colour::is_css_colour(s))
        .map(str::to_string)
        .ok_or_else(|| invalid(entry, ACCENT_EXPECTED))
}

/// Second check of the accent that won, by the browser (`supports` answers whether it knows the
/// colour and it is opaque): `banana` has the shape of a colour name but is none, and
/// `transparent` is one nobody could read a button on.
pub fn check_accent(
    parsed: &mut Parsed,
    entries: &[Entry],
    supports: impl Fn(&str) -> bool,
) -> Result<(), ConfigError> {
    match entries.iter().rev().find(|e| e.key == "accent") {
        // Only the accent in use: one that parse already refused is reported once.
        Some(entry)
            if text(entry).is_some_and(|v| !supports(v))
                && parsed.config.accent.as_deref() == text(entry) =>
        {
            let problem = invalid(entry, ACCENT_EXPECTED);
            if entry.source == Source::Object {
                return Err(problem);
            }
            // The theme's own accent stays.
            parsed.config.accent = None;
            parsed.problems.push(problem);
            Ok(())
        }
        _ => Ok(()),
    }
}

fn locale(entry: &Entry) -> Result<String, ConfigError> {
    let valid = |s: &str| {
        let mut parts = s.split(['-', '_']);
        let lang_ok = parts.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
        });
        lang_ok
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    text(entry)
        .filter(|s| valid(s))
        .map(str::to_string)
        .ok_or_else(|| invalid(entry, "a language tag such as \"en\" or \"de-AT\""))
}

fn storage_key(entry: &Entry) -> Result<String, ConfigError> {
    text(entry)
        .filter(|s| {
            (1..=40).contains(&s.len())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
        .map(str::to_string)
        .ok_or_else(|| invalid(entry, "1 to 40 letters, digits, '-', '_' or '.'"))
}

/// The site a host name names, as the intro's privacy line writes it: lower case, without a
/// leading `www.`; empty for anything that is not a plain host name.
pub fn site_name(host: &str) -> String {
    let host = host.trim().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let plain = host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if plain {
        host.to_string()
    } else {
        String::new()
    }
}

/// A link with nothing to fill in (`submitUrl`, `leadPrivacyUrl`).
fn url_value(entry: &Entry, expected: &'static str) -> Result<String, ConfigError> {
    text(entry)
        .filter(|s| is_safe_url(s))
        .map(str::to_string)
        .ok_or_else(|| invalid(entry, expected))
}

/// What `connect` accepts.
const CONNECT_EXPECTED: &str =
    "origins such as \"https://hooks.example\", separated by spaces, given in mount() (or as data-connect on the embed.js script element), never on the widget's element, which user content can reach";

/// What `ctaUrl` accepts.
const CTA_URL_EXPECTED: &str =
    "an http(s) URL or a relative link, whose only {placeholders} are {level}, {overall}, {biggestGap}, {code} and {perspective}";

/// The placeholders `ctaUrl` may carry, filled in when the result is shown.
pub const CTA_PLACEHOLDERS: [&str; 5] = ["level", "overall", "biggestGap", "code", "perspective"];

fn cta_url_value(entry: &Entry) -> Result<String, ConfigError> {
    text(entry)
        .filter(|s| is_safe_url(s))
        .filter(|s| {
            super::placeholders::placeholders(s)
                .iter()
                .all(|p| CTA_PLACEHOLDERS.contains(p))
        })
        .map(str::to_string)
        .ok_or_else(|| invalid(entry, CTA_URL_EXPECTED))
}

/// The call to action's URL for one result: each `{placeholder}` replaced by its value,
/// percent-encoded like `encodeURIComponent`, so a value can never change the URL's scheme or
/// host. `values` pairs placeholder names with their values.
pub fn fill_url(url: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(url.len());
    let mut rest = url;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(n, _)| *n == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                percent_encode(value, &mut out);
                rest = &after[close + 1..];
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

fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Accepts `http:`/`https:` URLs and relative links on this site; refuses every other scheme
/// (`javascript:`, `data:`, …), any control character (a tab, a newline: a browser drops them
/// and reads what is left, and a stored outbox entry would break on one), and links that start
/// with two slashes or backslashes in any mix (`//evil.example`, `/\\evil.example`), which a
/// browser reads as another site.
pub fn is_safe_url(raw: &str) -> bool {
    let url = raw.trim();
    if url.is_empty() || raw.chars().any(char::is_control) {
        return false;
    }
    let before_path = url.split(['/', '?', '#']).next().unwrap_or("");
    match before_path.split_once(':') {
        None => {
            let mut start = url.chars();
            let two_slashes = start
                .next()
                .zip(start.next())
                .is_some_and(|(a, b)| matches!(a, '/' | '\\') && matches!(b, '/' | '\\'));
            !two_slashes && !url.starts_with('\\')
        }
        Some((scheme, _)) => {
            let scheme = scheme.to_ascii_lowercase();
            (scheme == "http" || scheme == "https")
                && url
                    .get(scheme.len() + 1..)
                    .is_some_and(|rest| rest.starts_with("//"))
        }
    }
}

/// The origin a safe URL leads to (`https://hooks.example`, default ports left out, scheme and
/// host in lower case); `None` for a relative link, which stays on the page's own origin. Only
/// for URLs [`is_safe_url`] accepts. A host written in an unusual form (percent-escapes, a
/// trailing dot, a port with a leading zero) gives an origin no page names, so it is refused,
/// never let through.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    // A browser ends the authority at `/`, `\`, `?` or `#`, and takes the host after the last
    // `@` (what comes before is a user name).
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let default = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default).unwrap_or(&host);
    Some(format!("{scheme}://{host}"))
}

/// Whether a Content-Security-Policy violation (its `effectiveDirective` and `blockedURI`) is a
/// request to `url` (the endpoint, perhaps relative) from a page of `page_origin`: `connect-src`
/// blocked the endpoint's origin. Any other violation on the page (an inline style, another
/// site's script or image) is not the endpoint's. Delivery uses it to name a blocked request's
/// cause (`delivery::NoAnswer`).
pub fn blocked_by_policy(directive: &str, blocked_uri: &str, url: &str, page_origin: &str) -> bool {
    let endpoint = origin_of(url).unwrap_or_else(|| page_origin.to_ascii_lowercase());
    directive == "connect-src" && origin_of(blocked_uri).is_some_and(|o| o == endpoint)
}

/// Reads a list of origins (`connect`, `data-connect` on the script element): origins such as
/// `https://hooks.example`, separated by spaces or commas. Returns them as [`origin_of`] writes
/// them, or the first entry that is not an origin.
pub fn read_origins(list: &str) -> Result<Vec<String>, String> {
    list.split([' ', ',', '\t', '\n', '\r'])
        .filter(|s| !s.is_empty())
        .map(|item| {
            let bare = item.strip_suffix('/').unwrap_or(item);
            let path = bare.split_once("://").map(|(_, rest)| rest);
            match origin_of(bare) {
                Some(origin)
                    if is_safe_url(bare)
                        && path.is_some_and(|p| {
                            !p.is_empty() && !p.contains(['/', '\\', '?', '#', '@'])
                        }) =>
                {
                    Ok(origin)
                }
                _ => Err(shorten(item)),
            }
        })
        .collect()
}

/// Whether `submitUrl` may be used on a page of `page_origin` (as the browser writes it,
/// `location.origin`): a relative link or one to the page's own origin always; another origin
/// only when the page owner named it where user content cannot reach: in `connected` (from
/// `data-connect` on the script element, or `connect` in `mount()`), or by giving `submitUrl`
/// itself from a script (`mount()`, `setConfig()`). Markup alone, including markup that
/// arrives after the page loaded, can send only to the page's own origin.
pub fn check_submit(
    parsed: &mut Parsed,
    entries: &[Entry],
    page_origin: &str,
    page_connect: &[String],
) {
    let Some(url) = parsed.config.submit_url.as_deref() else {
        return;
    };
    let Some(origin) = origin_of(url) else {
        return;
    };
    let from_script = entries
        .iter()
        .rev()
        .find(|e| e.key == "submitUrl")
        .is_some_and(|e| e.source == Source::Object);
    let named = origin == page_origin.to_ascii_lowercase()
        || page_connect.contains(&origin)
        || parsed.config.connect.contains(&origin);
    if !(named || from_script) {
        parsed.config.submit_url = None;
        parsed.problems.push(ConfigError::NotConnected { origin });
    }
}
