// For the page that holds the widget in an iframe (pkg/frame.html): sizes each
// <iframe data-ai-readiness-frame> to the widget's height and re-dispatches the widget's events
// (ai-readiness:complete, …) on the iframe element, so the page listens as it would to an
// embedded widget. Messages count only from the frame's own window and origin.
// Usage: <iframe data-ai-readiness-frame src="/pkg/frame.html" title="AI readiness assessment"></iframe>
//        <script type="module" src="/pkg/frame.js"></script>
const SELECTOR = "iframe[data-ai-readiness-frame]";

addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.source !== "ai-readiness") return;
  const frame = [...document.querySelectorAll(SELECTOR)].find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== new URL(frame.src, location.href).origin) return;
  if (data.kind === "height" && Number.isFinite(data.height)) {
    // Through the CSSOM, which a strict Content-Security-Policy allows.
    frame.style.height = `${Math.ceil(data.height)}px`;
  } else if (data.kind === "event" && /^ai-readiness:[a-z]+$/.test(data.name)) {
    frame.dispatchEvent(new CustomEvent(data.name, { detail: data.detail, bubbles: true, composed: true }));
  }
});

for (const frame of document.querySelectorAll(SELECTOR)) {
  // Until the first height arrives: full width, no border, a sensible height.
  frame.style.width ||= "100%";
  frame.style.border ||= "0";
  if (!frame.style.height) frame.style.height = "640px";
}
