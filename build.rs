//! Prepares two inputs of the wasm, standard library only:
//! - minifies the widget's stylesheets (`widget.css` for the first screens, `parts.css` for the
//!   result and the team view, `lead.css` for the lead form): comments and layout whitespace cost bytes every visitor downloads;
//! - reads the English catalog `src/core/locales/en.txt` and generates the `Msg` enum with one
//!   variant per key, so code that names a message that does not exist fails to compile, plus
//!   the keys and each message's shape as tables; and writes the English texts in two halves
//!   (`en_first.txt`, `en_later.txt`) as `index[form]=text` lines, the second for the parts of
//!   the widget that load on demand. A malformed line fails the build.

use std::{env, fs, path::Path};

/// The same placeholder reading the runtime uses.
#[path = "src/core/placeholders.rs"]
mod placeholders;
use placeholders::placeholders;

fn main() {
    for name in ["widget", "parts", "lead"] {
        let source = format!("style/{name}.css");
        println!("cargo:rerun-if-changed={source}");
        let css =
            fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source} is not readable: {e}"));
        let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
            .join(format!("{name}.min.css"));
        fs::write(out, minify(&css)).expect("OUT_DIR is writable");
    }

    let catalog = "src/core/locales/en.txt";
    println!("cargo:rerun-if-changed={catalog}");
    println!("cargo:rerun-if-changed=src/core/placeholders.rs");
    let english = fs::read_to_string(catalog).expect("the English catalog is readable");
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let lines: Vec<&str> = english
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let parsed: Vec<(&str, Option<&str>, &str)> = lines.iter().map(|line| parse(line)).collect();
    let keys = distinct_keys(&parsed);
    // English in two halves: what the first screens show, compiled into the main wasm, and what
    // only the result screen and the team view show, which travels in their chunks.
    let (mut first, mut later) = (String::new(), String::new());
    for (key, form, text) in &parsed {
        let index = keys
            .iter()
            .position(|k| k == key)
            .expect("every key is listed");
        let out = if is_later(key) {
            &mut later
        } else {
            &mut first
        };
        match form {
            Some(form) => out.push_str(&format!("{index}[{form}]={text}\n")),
            None => out.push_str(&format!("{index}={text}\n")),
        }
    }
    fs::write(Path::new(&dir).join("en_first.txt"), first).expect("OUT_DIR is writable");
    fs::write(Path::new(&dir).join("en_later.txt"), later).expect("OUT_DIR is writable");
    fs::write(
        Path::new(&dir).join("messages.rs"),
        messages(&parsed, &keys),
    )
    .expect("OUT_DIR is writable");
}

/// Messages only the result screen and the team view show (both load on demand): their
/// English travels with them. Everything else (intro, questions, errors a first screen can
/// show, the announcement of a result) is in the main wasm.
fn is_later(key: &str) -> bool {
    const LATER: [&str; 13] = [
        "adoption.",
        "change.",
        "code.",
        "error.file.",
        "error.line.",
        "explain.",
        "gap.",
        "lead.",
        "moveup.",
        "plan.",
        "result.",
        "team.",
        "why.",
    ];
    (LATER.iter().any(|p| key.starts_with(p)) && key != "result.sentence")
        || (key.starts_with("level.") && key.ends_with(".meaning"))
}

/// `key[form] = text` → (key, form, text); a malformed line fails the build.
fn parse(line: &str) -> (&str, Option<&str>, &str) {
    let (key, text) = line
        .split_once('=')
        .unwrap_or_else(|| panic!("en.txt: no `=` in {line:?}"));
    let key = key.trim();
    match key.split_once('[') {
        Some((base, form)) => {
            let form = form
                .strip_suffix(']')
                .unwrap_or_else(|| panic!("en.txt: unclosed plural form in {line:?}"));
            (base, Some(form), text.trim())
        }
        None => (key, None, text.trim()),
    }
}

/// Distinct keys (plural forms share one), in catalog order.
fn distinct_keys<'a>(parsed: &[(&'a str, Option<&str>, &str)]) -> Vec<&'a str> {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _, _) in parsed {
        if !keys.contains(key) {
            keys.push(key);
        }
    }
    keys
}

/// The `Msg` enum: one variant per distinct key, in catalog order; plus, as text tables the
/// wasm reads without the English texts, each key and each message's shape (plural or not, and
/// its placeholders).
fn messages(parsed: &[(&str, Option<&str>, &str)], keys: &[&str]) -> String {
    let mut out = String::from(
        "/// Every message of the catalogs, in the order of `en.txt`; generated by `build.rs`.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\npub enum Msg {\n",
    );
    for key in keys {
        out.push_str(&format!("    /// `{key}`\n    {},\n", variant(key)));
    }
    out.push_str("}\n\nimpl Msg {\n    /// Every message, in catalog order.\n");
    out.push_str(&format!("    pub const ALL: [Msg; {}] = [\n", keys.len()));
    for key in keys {
        out.push_str(&format!("        Msg::{},\n", variant(key)));
    }
    out.push_str("    ];\n}\n\n");
    out.push_str(&format!(
        "/// Each message's key, one a line, in [`Msg`] order.\nconst KEYS: &str = {:?};\n\n",
        keys.join("\n")
    ));
    let shapes: Vec<String> = keys
        .iter()
        .map(|key| {
            let forms: Vec<_> = parsed.iter().filter(|(k, _, _)| k == key).collect();
            let plural = if forms.len() > 1 { "p" } else { "-" };
            let last = forms.last().map_or("", |(_, _, text)| *text);
            format!("{plural}{}", placeholders(last).join(","))
        })
        .collect();
    out.push_str(&format!(
        "/// Each message's shape in English, one a line in [`Msg`] order: `p` for a plural message (else `-`),\n\
         /// then its placeholders, comma-separated.\nconst SHAPES: &str = {:?};\n",
        shapes.join("\n")
    ));
    out
}

/// `q.access.fit.1` → `QAccessFit1`, `question.pick_one` → `QuestionPickOne`.
fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Drops comments, folds whitespace runs to one space, and removes the space next to `{`, `}`,
/// `;` and `,`, where CSS never needs it. Strings and selectors keep their meaning: spaces that
/// separate selector parts or values stay.
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    for word in without_comments.split_whitespace() {
        let glue = matches!(out.chars().last(), None | Some('{' | '}' | ';' | ','))
            || word.starts_with(['{', '}', ';', ',']);
        if !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
