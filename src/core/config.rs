//! Widget configuration: validation of the keys a host page passes to `mount`.
//!
//! The embed layer turns whatever JavaScript value it got into a list of [`ConfigValue`]s; this
//! module decides what they mean and says precisely what is wrong when they mean nothing.

use super::text;

/// A configuration value as it arrived, reduced to what validation needs.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigValue {
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// Anything else, described by its JavaScript type (`object`, `function`, …).
    Other(String),
}

impl ConfigValue {
    fn describe(&self) -> String {
        match self {
            ConfigValue::Bool(b) => format!("boolean {b}"),
            ConfigValue::Number(n) => format!("number {n}"),
            ConfigValue::Text(s) => format!("string \"{}\"", shorten(s)),
            ConfigValue::Other(kind) => kind.clone(),
        }
    }
}

/// A validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The intro title.
    pub title: String,
    /// The intro's one-line promise.
    pub intro: String,
    /// Whether to show the intro screen before the first question.
    pub show_intro: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { title: text::TITLE.to_string(), intro: text::INTRO.to_string(), show_intro: true }
    }
}

/// Why a configuration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The configuration as a whole is not a plain object.
    NotAnObject {
        /// What it was instead.
        got: String,
    },
    /// A key has a value of the wrong type.
    WrongType {
        /// The key.
        key: &'static str,
        /// What the key accepts.
        expected: &'static str,
        /// What it got.
        got: String,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NotAnObject { got } => {
                write!(f, "config must be an object like {{ title: \"…\" }}, got {got}")
            }
            ConfigError::WrongType { key, expected, got } => {
                write!(f, "{key} must be {expected}, got {got}")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// A valid configuration plus warnings about keys that were ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The configuration.
    pub config: Config,
    /// One message per ignored key.
    pub warnings: Vec<String>,
}

/// Validates configuration entries on top of the defaults.
pub fn parse(entries: &[(String, ConfigValue)]) -> Result<Parsed, ConfigError> {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    for (key, value) in entries {
        match key.as_str() {
            "title" => config.title = text_value("title", value)?,
            "intro" => config.intro = text_value("intro", value)?,
            "showIntro" => config.show_intro = bool_value("showIntro", value)?,
            other => warnings.push(format!(
                "unknown config key \"{}\" ignored; known keys: title, intro, showIntro",
                shorten(other)
            )),
        }
    }
    Ok(Parsed { config, warnings })
}

fn text_value(key: &'static str, value: &ConfigValue) -> Result<String, ConfigError> {
    match value {
        ConfigValue::Text(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        other => Err(ConfigError::WrongType {
            key,
            expected: "a non-empty string",
            got: other.describe(),
        }),
    }
}

fn bool_value(key: &'static str, value: &ConfigValue) -> Result<bool, ConfigError> {
    match value {
        ConfigValue::Bool(b) => Ok(*b),
        ConfigValue::Text(s) if s == "true" => Ok(true),
        ConfigValue::Text(s) if s == "false" => Ok(false),
        other => Err(ConfigError::WrongType { key, expected: "true or false", got: other.describe() }),
    }
}

/// Keeps echoed input short in messages.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}
