// Journal text written in Markdown, turned into a small, safe subset of HTML for the preview.
// Two layers: marked never passes raw HTML through (it is shown as text), and DOMPurify then keeps
// only basic formatting tags and http(s)/mailto links. The app's CSP forbids inline scripts too.
import DOMPurify from "dompurify";
import { Marked } from "marked";

/** The only elements a rendered entry may contain. */
export const ALLOWED_TAGS = [
  "p",
  "em",
  "strong",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "code",
  "pre",
  "br",
  "hr",
  "a",
];

/** Link targets allowed in `href`: web pages and e-mail addresses, nothing else. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Raw HTML in the text (block or inline) is written out as the characters the person typed.
const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

let purifier: ReturnType<typeof DOMPurify> | null = null;

// One DOMPurify of our own, so its hook never touches anyone else's use of the library.
function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName !== "A") return;
    const href = node.getAttribute("href");
    if (href === null || !SAFE_URL.test(href.trim())) {
      node.removeAttribute("href");
      return;
    }
    node.setAttribute("rel", "noopener noreferrer");
  });
  purifier = instance;
  return instance;
}

const SANITIZE = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ["href"],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Elements whose text is dropped with them. DOMPurify's default list includes <thead>, which
  // would lose a table's header words; none of these can come out of marked with raw HTML escaped.
  FORBID_CONTENTS: ["script", "style", "template", "noscript", "iframe", "svg", "math", "title", "head"],
};

function toHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** The safe HTML for `markdown`, as a string (for tests and inspection). */
export function markdownToSafeHtml(markdown: string): string {
  return purify().sanitize(toHtml(markdown), SANITIZE);
}

/** The safe HTML for `markdown`, as DOM nodes ready to insert (no HTML string is parsed by Svelte). */
export function markdownToFragment(markdown: string): DocumentFragment {
  return purify().sanitize(toHtml(markdown), { ...SANITIZE, RETURN_DOM_FRAGMENT: true });
}
