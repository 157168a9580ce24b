// For the page that holds the widget in an iframe (pkg/frame.html). A classic script, so a page
// on any origin loads it with a plain <script src> (a module script from another origin would
// need CORS headers). For each <iframe data-ai-readiness-frame> it
// - hands the frame the iframe's data-* attributes (data-submit-url, data-strings, …, the same
//   keys as on an embedded widget's element) and this page's address, sent only to the origin
//   of the iframe's src; the frame takes them only when its address names this page's origin
//   as `parentOrigin`;
// - sizes the iframe to the widget's height;
// - re-dispatches the widget's events (ai-readiness:complete, …) on the iframe element, so the
//   page listens as it would to an embedded widget.
// Messages count only from the frame's own window and the origin of its src.
// Usage (docs/src/iframe.md):
//   <iframe data-ai-readiness-frame allow="clipboard-write" title="AI readiness assessment"
//           src="https://widgets.example/pkg/frame.html?parentOrigin=https://blog.example"></iframe>
//   <script src="https://widgets.example/pkg/frame.js"></script>
(() => {
  const SELECTOR = "iframe[data-ai-readiness-frame]";

  /** The origin of the iframe's src, or null when it has none a message can be addressed to. */
  const originOf = (frame) => {
    try {
      const { origin } = new URL(frame.src, location.href);
      return origin.startsWith("http") ? origin : null;
    } catch {
      return null;
    }
  };

  /** Full width and no border, unless the page set its own. */
  const fit = (frame) => {
    // Through the CSSOM, which a strict Content-Security-Policy allows.
    frame.style.width ||= "100%";
    frame.style.border ||= "0";
  };

  /** Sends the frame its configuration: the iframe's data-* attributes but its marker. */
  const configure = (frame) => {
    const origin = originOf(frame);
    if (!origin || !frame.contentWindow) return;
    const config = {};
    for (const [key, value] of Object.entries(frame.dataset)) {
      if (key !== "aiReadinessFrame") config[key] = value;
    }
    // Addressed to the src's origin: a frame that has moved elsewhere never receives it. With
    // this page's address, which the widget puts in pageUrl and share links.
    frame.contentWindow.postMessage({ source: "ai-readiness", kind: "config", config, page: location.href }, origin);
  };

  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.source !== "ai-readiness") return;
    const frame = [...document.querySelectorAll(SELECTOR)].find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    fit(frame);
    if (data.kind === "hello") {
      configure(frame);
    } else if (data.kind === "height" && Number.isFinite(data.height) && data.height >= 0) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    } else if (data.kind === "event" && /^ai-readiness:[a-z]+$/.test(data.name)) {
      frame.dispatchEvent(new CustomEvent(data.name, { detail: data.detail, bubbles: true, composed: true }));
    }
  });

  // A frame that loaded before this script said hello to nobody: tell it someone listens now
  // (a message with nothing in it, so it may go to whatever the frame holds), and it says
  // hello again.
  for (const frame of document.querySelectorAll(SELECTOR)) {
    fit(frame);
    frame.contentWindow?.postMessage({ source: "ai-readiness", kind: "listening" }, "*");
  }
})();
