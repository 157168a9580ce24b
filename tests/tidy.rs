//! Architecture rules that a reviewer would otherwise have to remember.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Source without comments (and literals), so docs may name what the code must not use; a
/// `//` inside a string (a URL) no longer hides the rest of its line.
fn code_only(text: &str) -> String {
    code_without_comments_or_strings(text)
}

fn files_under(dir: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                code_only(&fs::read_to_string(&p).expect("utf-8 source")),
            )
        })
        .collect()
}

#[test]
fn core_never_touches_the_browser() {
    let banned = ["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
    let files = files_under("src/core");
    assert!(files.len() >= 5, "src/core should hold the model");
    for (path, text) in files {
        for line in text.lines() {
            for crate_name in banned {
                assert!(
                    !line.contains(&format!("{crate_name}::"))
                        && !line.contains(&format!("use {crate_name}")),
                    "{path} uses {crate_name}: {line}"
                );
            }
        }
    }
}

#[test]
fn ui_stays_out_of_storage_and_js_values() {
    for (path, text) in files_under("src/ui") {
        for banned in [
            "JsValue",
            "local_storage",
            "wasm_bindgen",
            "js_sys",
            "dispatch_event",
        ] {
            assert!(
                !text.contains(banned),
                "{path} uses {banned}; that belongs in src/embed"
            );
        }
    }
}

#[test]
fn no_inline_style_attributes() {
    // A strict Content-Security-Policy blocks style="…"; styling goes through the adopted sheet.
    for dir in ["src/ui", "src/embed"] {
        for (path, text) in files_under(dir) {
            assert!(!text.contains("style="), "{path} sets a style attribute");
        }
    }
}

#[test]
fn browser_code_does_not_unwrap() {
    for dir in ["src/ui", "src/embed"] {
        for (path, text) in files_under(dir) {
            for bad in [".unwrap()", ".expect("] {
                assert!(
                    !text.contains(bad),
                    "{path} calls {bad} where the browser can fail"
                );
            }
        }
    }
}

/// Rust source with comments, string and character literals blanked out, so that only code is
/// searched: a doc comment may link any module, and a message may mention any path.
fn code_without_comments_or_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(c) = at(i) {
        // `r"…"`, `r#"…"#`, `br"…"`: the number of hashes closes the string.
        let raw_start = (c == 'r'
            && (!is_ident(i.checked_sub(1).and_then(at))
                || (at(i - 1) == Some('b') && !is_ident(i.checked_sub(2).and_then(at)))))
        .then(|| {
            let hashes = (i + 1..).take_while(|&j| at(j) == Some('#')).count();
            (at(i + 1 + hashes) == Some('"')).then_some(hashes)
        })
        .flatten();
        if c == '/' && at(i + 1) == Some('/') {
            while at(i).is_some_and(|c| c != '\n') {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if at(i) == Some('/') && at(i + 1) == Some('*') {
                    depth += 1;
                    i += 2;
                } else if at(i) == Some('*') && at(i + 1) == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if let Some(hashes) = raw_start {
            i += hashes + 2;
            while i < chars.len()
                && !(at(i) == Some('"') && (1..=hashes).all(|h| at(i + h) == Some('#')))
            {
                i += 1;
            }
            i += hashes + 1;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while let Some(c) = at(i) {
                i += if c == '\\' { 2 } else { 1 };
                if c == '"' {
                    break;
                }
            }
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 1) == Some('\\') || at(i + 2) == Some('\'')) {
            // A character literal; a lifetime (`'a`) has no closing quote and stays.
            i += 2;
            while at(i).is_some_and(|c| c != '\'') {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The first segment of each path that `rest` begins with: `bank::QUESTIONS` gives `bank`,
/// `{bank::QUESTIONS, model::{Answers, Level}}` gives `bank` and `model`.
fn first_segments(rest: &str) -> Vec<String> {
    let mut segments = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    let mut chars = rest.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_alphabetic() || c == '_' {
            let mut ident = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphanumeric() || **c == '_') {
                ident.push(c);
                chars.next();
            }
            if item_start && depth <= 1 {
                segments.push(ident);
            }
            item_start = false;
            if depth == 0 {
                break;
            }
            continue;
        }
        chars.next();
        match c {
            '{' => {
                depth += 1;
                item_start = depth == 1;
            }
            '}' if depth <= 1 => break,
            '}' => depth -= 1,
            ',' if depth == 1 => item_start = true,
            c if c.is_whitespace() => {}
            _ if depth == 0 => break,
            _ => item_start = false,
        }
    }
    segments
}

/// Which modules of `src/core` each module names, through `super::…` or `crate::core::…` paths in
/// its code (comments and doc links do not count), keyed by module name.
fn core_imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut nested = Vec::new();
    rust_files(&dir, &mut nested);
    // A file directly in src/core is the module of its name; a folder (src/core/team/) is one
    // module, its files together, whose `super::` paths stay inside the folder.
    let sources: Vec<(String, bool, String)> = nested
        .into_iter()
        .map(|path| {
            let parent = path.parent().expect("a file has a folder");
            let top = parent == dir.as_path();
            assert!(
                top || parent.parent() == Some(dir.as_path()),
                "{} is two folders below src/core: teach core_imports what `super` means there",
                path.display()
            );
            let name = if top {
                path.file_stem().expect("a file name").to_string_lossy()
            } else {
                parent.file_name().expect("a folder name").to_string_lossy()
            };
            let text = fs::read_to_string(&path).expect("utf-8 source");
            (
                name.into_owned(),
                top,
                code_without_comments_or_strings(&text),
            )
        })
        .filter(|(name, _, _)| name != "mod")
        .collect();
    let modules: std::collections::BTreeSet<&str> =
        sources.iter().map(|(name, _, _)| name.as_str()).collect();
    let mut graph = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for (name, top, code) in &sources {
        let uses = graph.entry(name.clone()).or_default();
        let prefixes: &[&str] = if *top {
            &["super::", "crate::core::"]
        } else {
            &["crate::core::"]
        };
        for prefix in prefixes {
            for (at, _) in code.match_indices(prefix) {
                let before = code.get(..at).and_then(|s| s.chars().last());
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                for segment in first_segments(&code[at + prefix.len()..]) {
                    if modules.contains(segment.as_str()) && segment != *name {
                        uses.insert(segment);
                    }
                }
            }
        }
    }
    graph
}

/// Every cycle of the graph, each once, starting at its alphabetically first module.
fn cycles(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Vec<Vec<String>> {
    fn walk<'a>(
        graph: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        start: &'a str,
        path: &mut Vec<&'a str>,
        found: &mut Vec<Vec<String>>,
    ) {
        let here = *path.last().expect("a path starts at its module");
        for next in graph.get(here).into_iter().flatten() {
            if next == start {
                found.push(path.iter().map(|m| m.to_string()).collect());
            } else if next.as_str() > start && !path.contains(&next.as_str()) && found.len() < 50 {
                path.push(next);
                walk(graph, start, path, found);
                path.pop();
            }
        }
    }
    let mut found = Vec::new();
    for start in graph.keys() {
        walk(graph, start, &mut vec![start.as_str()], &mut found);
    }
    found
}

#[test]
fn core_modules_import_each_other_without_cycles() {
    let graph = core_imports();
    assert!(
        graph.get("text").is_some_and(|uses| uses.contains("i18n")),
        "the import reading misses `use super::i18n::…` in text.rs: {graph:?}"
    );
    let found = cycles(&graph);
    let shown: Vec<String> = found
        .iter()
        .map(|cycle| format!("{} -> {}", cycle.join(" -> "), cycle[0]))
        .collect();
    assert!(
        found.is_empty(),
        "modules of src/core import each other in a cycle; move what both need into a lower \
         module:\n  {}",
        shown.join("\n  ")
    );
}

#[test]
fn import_reading_sees_code_and_skips_comments() {
    let code = code_without_comments_or_strings(
        "use super::{bank::Q, model::{A, B}, i18n};\n/// [`super::text::x`]\n\
         let s = \"super::roster\"; let r = r#\"super::team\"#; let c = '\"'; // super::plan\n\
         fn f<'a>() { super::code::shown('x'); crate::core::share::open(\"\") }",
    );
    let mut named: Vec<String> = Vec::new();
    for prefix in ["super::", "crate::core::"] {
        for (at, _) in code.match_indices(prefix) {
            named.extend(first_segments(&code[at + prefix.len()..]));
        }
    }
    assert_eq!(named, ["bank", "model", "i18n", "code", "share"]);
}

#[test]
fn code_after_a_url_on_the_same_line_is_still_checked() {
    let code =
        code_only("let url = \"https://example.com/x\"; let v = parse(url).unwrap(); // ok\n");
    assert!(code.contains(".unwrap()"), "{code}");
    assert!(!code.contains("example.com"), "{code}");
    assert!(!code.contains("ok"), "{code}");
}
