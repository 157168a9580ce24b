//! The AI readiness widget: a two-minute assessment that shows whether AI seats turned into better
//! work, computed entirely in the visitor's browser.
//!
//! Three layers, each a folder:
//! - [`core`]: the model, scoring, journey, events and texts. Pure Rust, no browser crates, no I/O.
//! - [`ui`]: Yew function components that render core state and turn clicks into actions.
//! - [`embed`]: the only code that touches the browser: mounting into a Shadow DOM, the stylesheet,
//!   host events, the panic hook and the exported JavaScript API.
//!
//! A host page embeds it with one element and one script:
//!
//! ```html
//! <div data-ai-readiness></div>
//! <script type="module" src="/pkg/embed.js"></script>
//! ```
//!
//! or mounts it itself:
//!
//! ```js
//! import init, { mount } from "/pkg/ai_readiness.js";
//! await init();
//! const handle = mount(document.querySelector("#quiz"), { title: "Where does your team stand?" });
//! handle.destroy();
//! ```

/// Model, scoring and texts.
pub mod core;
/// Browser glue: mounting, events, exported API.
pub mod embed;
/// Yew components.
pub mod ui;

/// Talc instead of the default dlmalloc: smaller in the bundle and faster at the many small
/// allocations of rendering and team aggregation.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
