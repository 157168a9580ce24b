//! Lead capture: what the host configures (`lead`, `leadFields`, `leadConsent`,
//! `leadPrivacyUrl`) and checking what a visitor typed into the form, with one specific message
//! per problem.

use serde::Serialize;

use super::i18n::Msg;

/// When the form shows (`lead`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LeadMode {
    /// No form (the default).
    #[default]
    Off,
    /// The level first; the rest of the result after the form is sent.
    BeforeResult,
    /// Under the full result.
    AfterResult,
}

impl LeadMode {
    /// The value as written in configuration.
    pub fn id(self) -> &'static str {
        match self {
            LeadMode::Off => "off",
            LeadMode::BeforeResult => "before-result",
            LeadMode::AfterResult => "after-result",
        }
    }

    /// Reads a configuration value.
    pub fn from_id(value: &str) -> Option<LeadMode> {
        match value {
            "off" => Some(LeadMode::Off),
            "before-result" => Some(LeadMode::BeforeResult),
            "after-result" => Some(LeadMode::AfterResult),
            _ => None,
        }
    }
}

/// One field of the form besides the consent box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadField {
    /// The visitor's name.
    Name,
    /// Their work email.
    Email,
    /// Their company.
    Company,
    /// Their company's size, one of [`SIZES`].
    Size,
}

impl LeadField {
    /// Every field, in form order.
    pub const ALL: [LeadField; 4] = [
        LeadField::Name,
        LeadField::Email,
        LeadField::Company,
        LeadField::Size,
    ];

    /// The input's `name` and the key in `leadFields`, events and payloads.
    pub fn id(self) -> &'static str {
        match self {
            LeadField::Name => "name",
            LeadField::Email => "email",
            LeadField::Company => "company",
            LeadField::Size => "size",
        }
    }

    /// The field's label.
    pub fn label(self) -> Msg {
        match self {
            LeadField::Name => Msg::LeadName,
            LeadField::Email => Msg::LeadEmail,
            LeadField::Company => Msg::LeadCompany,
            LeadField::Size => Msg::LeadSize,
        }
    }
}

/// Whether a field must be filled in, may be, or is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRule {
    /// Must be filled in.
    Required,
    /// May be left empty.
    Optional,
    /// Not shown, never sent.
    Hidden,
}

/// What `leadFields` accepts, in messages.
pub const FIELDS_EXPECTED: &str = "field:rule items, fields name, email, company, size and rules required, optional, hidden, such as \"company:required, size:hidden\"";

/// Each field's rule, in [`LeadField::ALL`] order: name and email required, company and size
/// optional unless the host says otherwise.
pub const DEFAULT_RULES: [FieldRule; 4] = [
    FieldRule::Required,
    FieldRule::Required,
    FieldRule::Optional,
    FieldRule::Optional,
];

/// Reads `leadFields` (`"company:required, size:hidden"`, items separated by commas,
/// semicolons or spaces) on top of `rules`; `None` when an item is not a known `field:rule`.
pub fn read_rules(text: &str, mut rules: [FieldRule; 4]) -> Option<[FieldRule; 4]> {
    for item in text.split([',', ';', ' ']).filter(|item| !item.is_empty()) {
        let (field, rule) = item.split_once(':')?;
        let i = match field {
            "name" => 0,
            "email" => 1,
            "company" => 2,
            "size" => 3,
            _ => return None,
        };
        rules[i] = match rule {
            "required" => FieldRule::Required,
            "optional" => FieldRule::Optional,
            "hidden" => FieldRule::Hidden,
            _ => return None,
        };
    }
    Some(rules)
}

/// The company sizes the form offers, as sent; each has a label in the catalogs.
pub const SIZES: [(&str, Msg); 5] = [
    ("1-49", Msg::LeadSize1),
    ("50-249", Msg::LeadSize2),
    ("250-999", Msg::LeadSize3),
    ("1000-4999", Msg::LeadSize4),
    ("5000+", Msg::LeadSize5),
];

/// Longest accepted name or company, in characters.
pub const MAX_FIELD: usize = 120;

/// What the visitor typed, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadInput {
    /// The name field.
    pub name: String,
    /// The email field.
    pub email: String,
    /// The company field.
    pub company: String,
    /// The size chosen, one of [`SIZES`] or empty.
    pub size: String,
    /// Whether the consent box is ticked.
    pub consent: bool,
}

impl LeadInput {
    /// The text of `field`.
    pub fn get(&self, field: LeadField) -> &str {
        match field {
            LeadField::Name => &self.name,
            LeadField::Email => &self.email,
            LeadField::Company => &self.company,
            LeadField::Size => &self.size,
        }
    }

    /// Sets the text of `field`.
    pub fn set(&mut self, field: LeadField, value: String) {
        match field {
            LeadField::Name => self.name = value,
            LeadField::Email => self.email = value,
            LeadField::Company => self.company = value,
            LeadField::Size => self.size = value,
        }
    }
}

/// A checked lead, as events and payloads carry it; hidden and empty fields are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lead {
    /// The visitor's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Their work email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Their company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Their company's size, one of [`SIZES`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Whether the consent box (agreement to being contacted) was ticked when the form was
    /// sent; it is never required.
    pub consent: bool,
    /// The consent sentence beside the box, as it was on screen when the form was sent.
    pub consent_text: String,
}

/// The visitor's answer to the form under their own result: sent or declined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadAnswer {
    /// What they entered, checked; `None` when they declined.
    pub lead: Option<Lead>,
    /// Whether the result, held back until this answer, is still to go to `submitUrl`.
    pub with_result: bool,
}

/// A problem with one field, as the message that explains it.
pub type LeadProblem = (LeadField, Msg);

/// Checks the form against the field rules: every problem at once, in form order, or the lead.
/// `consent_text` is the sentence shown beside the box; the box itself is never a problem.
pub fn check(
    input: &LeadInput,
    rules: &[FieldRule; 4],
    consent_text: &str,
) -> Result<Lead, Vec<LeadProblem>> {
    let mut problems = Vec::new();
    let mut lead = Lead {
        consent: input.consent,
        consent_text: consent_text.to_string(),
        ..Lead::default()
    };
    for (field, rule) in LeadField::ALL.into_iter().zip(rules) {
        let value = input.get(field).trim();
        if *rule == FieldRule::Hidden {
            continue;
        }
        // Only invisible characters is nothing to read: missing when required, refused when not.
        let unseen = !value.chars().any(|c| !c.is_whitespace() && !invisible(c));
        if unseen {
            if *rule == FieldRule::Required {
                problems.push((field, missing(field)));
            } else if !value.is_empty() {
                problems.push((field, Msg::LeadErrorHidden));
            }
            continue;
        }
        let problem = match field {
            _ if value.chars().any(steers) => Some(Msg::LeadErrorHidden),
            LeadField::Email => email_problem(value),
            LeadField::Size => SIZES
                .iter()
                .all(|(id, _)| *id != value)
                .then_some(Msg::LeadErrorSize),
            _ => (value.chars().count() > MAX_FIELD).then_some(Msg::LeadErrorLong),
        };
        match problem {
            Some(msg) => problems.push((field, msg)),
            None => {
                let slot = match field {
                    LeadField::Name => &mut lead.name,
                    LeadField::Email => &mut lead.email,
                    LeadField::Company => &mut lead.company,
                    LeadField::Size => &mut lead.size,
                };
                *slot = Some(value.to_string());
            }
        }
    }
    if problems.is_empty() {
        Ok(lead)
    } else {
        Err(problems)
    }
}

/// A character that shows nothing: zero-width spaces and joiners, word joiners, the byte order
/// mark, a soft hyphen, Hangul fillers, direction marks. Kept inside a name that has visible
/// characters (a joiner belongs in some scripts and emoji), but never a name on its own.
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{2800}')
}

/// A character that steers how the rest is shown or read rather than being text: control
/// characters (a newline, an escape) and the direction embeddings, overrides and isolates
/// (U+202E shows "moc.live@" as "@evil.com").
pub fn steers(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn missing(field: LeadField) -> Msg {
    match field {
        LeadField::Name => Msg::LeadErrorName,
        LeadField::Email => Msg::LeadErrorEmail,
        LeadField::Company => Msg::LeadErrorCompany,
        LeadField::Size => Msg::LeadErrorSize,
    }
}

/// What is wrong with an email address, most basic first; `None` when it has the shape of one.
fn email_problem(email: &str) -> Option<Msg> {
    if email.chars().any(char::is_whitespace) {
        return Some(Msg::LeadErrorEmailSpace);
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some(Msg::LeadErrorEmailAt);
    };
    let labels_ok = domain.split('.').count() >= 2
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if local.is_empty() || local.contains('@') {
        Some(Msg::LeadErrorEmailAt)
    } else if !labels_ok || email.len() > 254 {
        Some(Msg::LeadErrorEmailDomain)
    } else {
        None
    }
}

/// The lead form as the host configured it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadConfig {
    /// When the form shows (`lead`).
    pub mode: LeadMode,
    /// Each field's rule, in [`LeadField::ALL`] order (`leadFields`).
    pub rules: [FieldRule; 4],
    /// The host's consent sentence (`leadConsent`); `None` uses the catalog's.
    pub consent: Option<String>,
    /// The host's privacy policy (`leadPrivacyUrl`), linked beside the consent box.
    pub privacy_url: Option<String>,
}

impl Default for LeadConfig {
    fn default() -> Self {
        LeadConfig {
            mode: LeadMode::Off,
            rules: DEFAULT_RULES,
            consent: None,
            privacy_url: None,
        }
    }
}
