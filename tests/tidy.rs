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

/// Source without comments, so docs may name what the code must not use.
fn code_only(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
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
