//! The panic hook Yew installs on first render unless a custom one is set, with the API of the
//! crates.io `console_error_panic_hook` 0.1.7 that Yew depends on.
//!
//! Why a stand-in: Yew's `Renderer::render` names this hook, so its code (a `console.error`
//! binding, a JS `Error` for the stack, panic formatting) is linked into every build, about half
//! a kilobyte gzip on the first paint. The widget's release build aborts on a panic before any
//! hook could run (`-Cpanic=immediate-abort`), so there the hook is empty. Elsewhere (stable
//! builds, tests) it logs the panic and the JS stack to the console, as the original does.

#[cfg(all(target_arch = "wasm32", not(panic = "immediate-abort")))]
mod console {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        pub fn error(message: String);

        pub type Error;

        #[wasm_bindgen(constructor)]
        pub fn new() -> Error;

        #[wasm_bindgen(structural, method, getter)]
        pub fn stack(error: &Error) -> String;
    }
}

/// Reports a panic: on the console with the JS stack in the browser, on stderr natively; nothing
/// where a panic aborts before hooks run.
pub fn hook(info: &std::panic::PanicHookInfo<'_>) {
    #[cfg(all(target_arch = "wasm32", not(panic = "immediate-abort")))]
    console::error(format!(
        "{info}\n\nStack:\n\n{}\n\n",
        console::Error::new().stack()
    ));
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{info}");
    #[cfg(all(target_arch = "wasm32", panic = "immediate-abort"))]
    let _ = info;
}

/// Installs [`hook`] once.
pub fn set_once() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
