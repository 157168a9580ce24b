//! The one reading of `{name}` placeholders in catalog texts. `build.rs` includes this file as
//! it is, to record each English message's placeholders, and the runtime checks translations
//! and host texts against those with the same function, so the two can never disagree.

/// The `{names}` in a text, in order of appearance, each once.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for part in text.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}
