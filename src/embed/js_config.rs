use wasm_bindgen::{JsCast, JsValue};

use crate::core::config::{ConfigError, ConfigValue};

/// The entries of a config object; `undefined` and `null` mean "no config".
pub(super) fn entries(config: &JsValue) -> Result<Vec<(String, ConfigValue)>, ConfigError> {
    if config.is_undefined() || config.is_null() {
        return Ok(Vec::new());
    }
    if !config.is_object() || js_sys::Array::is_array(config) || config.is_function() {
        return Err(ConfigError::NotAnObject { got: describe(config) });
    }
    let object: &js_sys::Object = config.unchecked_ref();
    let pairs = js_sys::Object::entries(object);
    Ok(pairs
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            let key = pair.get(0).as_string()?;
            Some((key, classify(&pair.get(1))))
        })
        .collect())
}

fn classify(value: &JsValue) -> ConfigValue {
    if let Some(b) = value.as_bool() {
        ConfigValue::Bool(b)
    } else if let Some(n) = value.as_f64() {
        ConfigValue::Number(n)
    } else if let Some(s) = value.as_string() {
        ConfigValue::Text(s)
    } else {
        ConfigValue::Other(describe(value))
    }
}

/// A short description of a JavaScript value for error messages: `undefined`, `number 3`, `array`.
pub(super) fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(b) = value.as_bool() {
        format!("boolean {b}")
    } else if let Some(n) = value.as_f64() {
        format!("number {n}")
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
