//! Prepares two inputs of the wasm, standard library only:
//! - minifies the widget's stylesheets (`widget.css` for the first screens, `parts.css` for the
//!   result and the team view, `lead.css` for the lead form): comments and layout whitespace cost bytes every visitor downloads;
//! - reads the English catalog `src/core/locales/en.txt` and its self-perspective twins
//!   (`en.self.txt`) and generates the `Msg` enum with one variant per key, so code that names a
//!   message that does not exist fails to compile, plus the keys, each message's shape and the
//!   twin pairs as tables; and writes the English texts in three parts (`en_first.txt`,
//!   `en_later.txt`, `en_self.txt`) as `index[form]=text` lines: the main wasm's, the parts
//!   loaded on demand, and the self voice's. A malformed line or a self text without its twin
//!   fails the build;
//! - refuses a practice catalog (`src/core/locales/practice/<tag>.txt`) that lacks a text of any
//!   role, task, kind of task or gap the practice coach offers.

use std::{env, fs, path::Path};

/// The same placeholder reading the runtime uses.
#[path = "src/core/placeholders.rs"]
mod placeholders;
use placeholders::placeholders;

/// The same line reading the runtime uses for every other catalog.
#[path = "src/core/catalog_file.rs"]
mod catalog_file;

/// The roles, tasks, kinds and gaps the practice coach offers, and the texts each needs.
#[path = "src/core/practice/roles.rs"]
#[allow(dead_code)]
mod practice_roles;

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
    let own = "src/core/locales/en.self.txt";
    for file in [
        catalog,
        own,
        "src/core/placeholders.rs",
        "src/core/catalog_file.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    let english = fs::read_to_string(catalog).expect("the English catalog is readable");
    let own_voice = fs::read_to_string(own).expect("the English self texts are readable");
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let team = parse(catalog, &english);
    let selfs = parse(own, &own_voice);
    check_twins(&team, &selfs);
    let keys = distinct_keys(&team);
    // English in three parts: what the first screens show, compiled into the main wasm; what
    // only the result screen and the team view show, which travels in their chunks; and the self
    // perspective's twins, by their team text's index, which travel with the self voice.
    let (mut first, mut later, mut own_texts) = (String::new(), String::new(), String::new());
    let index = |key: &str| {
        keys.iter()
            .position(|k| *k == key)
            .expect("every key is listed")
    };
    for (key, form, text) in &team {
        let out = if is_later(key) {
            &mut later
        } else {
            &mut first
        };
        push_text(out, index(key), *form, text);
    }
    for (key, form, text) in &selfs {
        let twin = key.strip_prefix("self.").expect("checked above");
        push_text(&mut own_texts, index(twin), *form, text);
    }
    fs::write(Path::new(&dir).join("en_first.txt"), first).expect("OUT_DIR is writable");
    fs::write(Path::new(&dir).join("en_later.txt"), later).expect("OUT_DIR is writable");
    fs::write(Path::new(&dir).join("en_self.txt"), own_texts).expect("OUT_DIR is writable");
    let twins: Vec<&str> = distinct_keys(&selfs)
        .iter()
        .map(|k| k.strip_prefix("self.").expect("checked above"))
        .collect();
    fs::write(
        Path::new(&dir).join("messages.rs"),
        messages(&team, &keys, &twins),
    )
    .expect("OUT_DIR is writable");
    check_practice();
}

/// Every practice catalog holds every text of every role, task, kind and gap, so no visitor
/// meets a card with a hole in it in any language; anything less fails the build.
fn check_practice() {
    let dir = "src/core/locales/practice";
    println!("cargo:rerun-if-changed={dir}");
    println!("cargo:rerun-if-changed=src/core/practice/roles.rs");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("the practice catalogs are readable")
        .map(|entry| entry.expect("a practice catalog").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{dir} holds no catalog");
    let required = practice_roles::required_keys();
    for path in files {
        let file = path.display().to_string();
        println!("cargo:rerun-if-changed={file}");
        let source = fs::read_to_string(&path).expect("a practice catalog is readable");
        let keys = distinct_keys(&parse(&file, &source));
        for key in &required {
            assert!(
                keys.contains(&key.as_str()),
                "{file}: the practice text {key:?} is missing"
            );
        }
    }
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

/// Every self text names an English text as its twin (`self.` + its key), with the same plural
/// forms and placeholders; anything else fails the build.
fn check_twins(team: &[(&str, Option<&str>, &str)], selfs: &[(&str, Option<&str>, &str)]) {
    for (key, form, text) in selfs {
        let base = key
            .strip_prefix("self.")
            .unwrap_or_else(|| panic!("en.self.txt: {key:?} must start with `self.`"));
        let twin = team
            .iter()
            .find(|(k, f, _)| k == &base && f == form)
            .unwrap_or_else(|| panic!("en.self.txt: {key:?} has no twin {base:?} (with the same plural form) in en.txt"));
        let (mut mine, mut theirs) = (placeholders(text), placeholders(twin.2));
        mine.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(
            mine, theirs,
            "en.self.txt: {key:?} needs the placeholders of {base:?}"
        );
    }
}

/// One `index[form]=text` line of an English part.
fn push_text(out: &mut String, index: usize, form: Option<&str>, text: &str) {
    match form {
        Some(form) => out.push_str(&format!("{index}[{form}]={text}\n")),
        None => out.push_str(&format!("{index}={text}\n")),
    }
}

/// Each `key[form] = text` line of a catalog as (key, form, text), read as the runtime reads
/// every other catalog; a malformed line or an empty text fails the build.
fn parse<'a>(file: &str, source: &'a str) -> Vec<(&'a str, Option<&'a str>, &'a str)> {
    catalog_file::lines(source)
        .map(|line| match line {
            Ok(line) if !line.text.is_empty() => (line.key, line.form, line.text),
            Ok(line) => panic!("{file}: line {} has an empty text", line.number),
            Err(bad) => match bad.key {
                Some(key) => panic!(
                    "{file}: line {}: the plural form of {key:?} is not closed",
                    bad.number
                ),
                None => panic!("{file}: line {} has no `=`", bad.number),
            },
        })
        .collect()
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
fn messages(parsed: &[(&str, Option<&str>, &str)], keys: &[&str], twins: &[&str]) -> String {
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
    let twins: Vec<String> = twins
        .iter()
        .map(|k| format!("Msg::{}", variant(k)))
        .collect();
    out.push_str(&format!(
        "/// Every text with a first-person twin in the self perspective (`self.<key>` in `en.self.txt`),\n\
         /// in that file's order. For tests and tools: the widget reads the twins from the texts.\n\
         pub const OWN_VOICE: [Msg; {}] = [{}];\n\n",
        twins.len(),
        twins.join(", ")
    ));
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
/// `;` and `,`, where CSS never needs it. Quoted strings are copied as written (their spaces
/// are content). Spaces that separate selector parts or values stay. What it cannot read for
/// sure, an unclosed comment or string, fails the build rather than ship a broken stylesheet.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                loop {
                    match chars.next() {
                        Some('/') if last == '*' => break,
                        Some(next) => last = next,
                        None => panic!("a CSS comment is not closed: {}", context(&out)),
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                let glue = matches!(out.chars().last(), None | Some('{' | '}' | ';' | ','))
                    || matches!(c, '{' | '}' | ';' | ',');
                if std::mem::take(&mut space) && !glue {
                    out.push(' ');
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    loop {
                        match chars.next() {
                            Some('\\') => {
                                out.push('\\');
                                out.extend(chars.next());
                            }
                            Some('\n') | None => {
                                panic!("a CSS string is not closed: {}", context(&out))
                            }
                            Some(next) => {
                                out.push(next);
                                if next == c {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// The end of what was read so far, to point at a problem.
fn context(out: &str) -> &str {
    let at = out.len().saturating_sub(60);
    let at = (at..out.len())
        .find(|i| out.is_char_boundary(*i))
        .unwrap_or(out.len());
    &out[at..]
}
