use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::core::config::{key_from_attribute, ConfigError, ConfigValue, Entry, Source};

/// The attribute that marks a widget's host element; it is not configuration.
const MARKER: &str = "data-ai-readiness";

/// Configuration entries from the host element's `data-*` attributes, in attribute order.
pub(super) fn attribute_entries(host: &Element) -> Vec<Entry> {
    let attributes = host.attributes();
    (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .filter_map(|attr| {
            let name = attr.name();
            let rest = name.strip_prefix("data-")?;
            let key = key_from_attribute(rest);
            if name == MARKER {
                return None;
            }
            // `data-strings` holds JSON; when it is not, core explains with the text as given.
            let json = (key == "strings")
                .then(|| js_sys::JSON::parse(&attr.value()).ok())
                .flatten();
            Some(match json.filter(|v| v.is_object()) {
                Some(object) => Entry {
                    source: Source::Attribute,
                    key,
                    value: classify(&object, true),
                },
                None => Entry::attribute(&key, &attr.value()),
            })
        })
        .collect()
}

/// The entries of a config object; `undefined` and `null` mean "no config".
pub(super) fn entries(config: &JsValue) -> Result<Vec<Entry>, ConfigError> {
    if config.is_undefined() || config.is_null() {
        return Ok(Vec::new());
    }
    if !config.is_object() || js_sys::Array::is_array(config) || config.is_function() {
        return Err(ConfigError::NotAnObject {
            got: describe(config),
        });
    }
    Ok(pairs(config)
        .into_iter()
        // An explicit `undefined` means "not given", as in object spread.
        .filter(|(_, value)| !value.is_undefined())
        .map(|(key, value)| Entry::object(&key, classify(&value, true)))
        .collect())
}

/// A plain object's own string-keyed entries.
fn pairs(object: &JsValue) -> Vec<(String, JsValue)> {
    js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1)))
        })
        .collect()
}

/// The value in core's terms; a plain object becomes a map of its entries when `nested` allows
/// (one level deep: `strings` is the only key that takes an object).
fn classify(value: &JsValue, nested: bool) -> ConfigValue {
    if nested && value.is_object() && !js_sys::Array::is_array(value) && !value.is_function() {
        return ConfigValue::Map(
            pairs(value)
                .into_iter()
                .map(|(key, v)| (key, classify(&v, false)))
                .collect(),
        );
    }
    if let Some(b) = value.as_bool() {
        ConfigValue::Bool(b)
    } else if value.as_f64().is_some() {
        ConfigValue::Number(js_text(value))
    } else if let Some(s) = value.as_string() {
        ConfigValue::Text(s)
    } else {
        ConfigValue::Other(describe(value))
    }
}

/// A short description of a JavaScript value for error messages: `undefined`, `number 3`, `an array`.
pub(super) fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(b) = value.as_bool() {
        format!("boolean {b}")
    } else if value.as_f64().is_some() {
        format!("number {}", js_text(value))
    } else if let Some(s) = value.as_string() {
        format!("string \"{}\"", s.chars().take(60).collect::<String>())
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else if value.is_function() {
        "a function".into()
    } else {
        "an object".into()
    }
}

/// The message of a thrown JavaScript error, or a description of the value.
pub(super) fn error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| describe(error))
}

/// JavaScript's own text for a number (`42`, `1.5`, `NaN`), so Rust needs no float printer.
fn js_text(value: &JsValue) -> String {
    let number = js_sys::Number::from(value.as_f64().unwrap_or(f64::NAN));
    number
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_else(|_| "a number".to_string())
}
