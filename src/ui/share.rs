use std::rc::Rc;

use yew::prelude::*;

use crate::core::i18n::{Catalog, Msg};

/// What the visitor wants on their clipboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareKind {
    /// The bare result code.
    Code,
    /// A link to this page that opens the result.
    Link,
    /// The 90-day plan as a checklist; the request's `code` carries its text.
    Plan,
}

/// A request to the embed layer to put a code or link on the clipboard; `done` hears whether it
/// worked, so the button can say so.
#[derive(Clone, PartialEq)]
pub struct ShareRequest {
    /// Code or link.
    pub kind: ShareKind,
    /// The result code (for [`ShareKind::Plan`], the checklist's text).
    pub code: AttrValue,
    /// Called with `true` once copied, `false` when the browser refused.
    pub done: Callback<bool>,
}

/// Props of a copy button.
#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// Code, link or plan.
    pub kind: ShareKind,
    /// The result code (for [`ShareKind::Plan`], the checklist's text).
    pub code: AttrValue,
    /// Where copy requests go.
    pub on_share: Callback<ShareRequest>,
    /// The texts.
    pub t: Rc<Catalog>,
}

/// A button that copies the code or the share link and then says whether that worked.
#[component]
pub fn CopyButton(props: &CopyProps) -> Html {
    let status = use_state(|| None::<bool>);
    let onclick = {
        let status = status.clone();
        let request = ShareRequest {
            kind: props.kind,
            code: props.code.clone(),
            done: Callback::from(move |ok| status.set(Some(ok))),
        };
        let on_share = props.on_share.clone();
        Callback::from(move |_: MouseEvent| on_share.emit(request.clone()))
    };
    let t = &props.t;
    let (label, action) = match props.kind {
        ShareKind::Code => (t.get(Msg::CodeCopy), "copy-code"),
        ShareKind::Link => (t.get(Msg::CodeCopyLink), "copy-link"),
        ShareKind::Plan => (t.get(Msg::PlanCopy), "copy-plan"),
    };
    let (copied, failed) = match props.kind {
        ShareKind::Plan => (Msg::PlanCopied, Msg::PlanCopyFailed),
        _ => (Msg::CodeCopied, Msg::CodeCopyFailed),
    };
    let said = match *status {
        Some(true) => t.get(copied),
        Some(false) => t.get(failed),
        None => "",
    };
    html! {
        <span class="air-copy">
            <button type="button" class="air-btn air-small" data-action={action} {onclick}>{ label }</button>
            <span class="air-muted air-copy-status" role="status">{ said }</span>
        </span>
    }
}
