// Loads the AI readiness widget and mounts it in every element with a data-ai-readiness attribute.
// Usage: <div data-ai-readiness></div> <script type="module" src="/pkg/embed.js"></script>
import init, { mount } from "./ai_readiness.js";

const PREFIX = "[ai-readiness]";
const handles = new WeakMap();

function mountOne(element) {
  if (handles.has(element)) return handles.get(element);
  try {
    const handle = mount(element, undefined);
    handles.set(element, handle);
    return handle;
  } catch (error) {
    // mount() already logged the reason; keep the rest of the page and other widgets going.
    return undefined;
  }
}

/** Mounts a widget in each `[data-ai-readiness]` element under `root` that has none yet. */
export function mountAll(root = document) {
  return Array.from(root.querySelectorAll("[data-ai-readiness]"), mountOne).filter(Boolean);
}

export { mount };

export const ready = init()
  .then(() => mountAll())
  .catch((error) => {
    console.error(`${PREFIX} could not load the widget:`, error);
    throw error;
  });
