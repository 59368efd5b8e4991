// Progressive enhancement only: every page works without this file.
// Move focus to the error summary after a failed submit, so screen readers announce the errors.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-autofocus]");
  if (summary instanceof HTMLElement) summary.focus();
  for (const form of document.querySelectorAll("form[data-live-preview]")) livePreview(form);
});

// A live preview: as the user pauses typing, the form is sent as its "Förhandsgranska" button would
// send it (intent=preview: nothing is saved) and the preview element of the page that comes back
// replaces the one on show, so the text is drawn by the same code as the page and the exports.
// Not announced as a live region: reading the whole preview at every pause would drown the typing.
function livePreview(form) {
  const targetId = form.dataset.livePreview;
  let timer;
  let controller;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      const data = new URLSearchParams(new FormData(form));
      data.set("intent", "preview");
      try {
        const res = await fetch(form.action, { method: "POST", body: data, signal: controller.signal, credentials: "same-origin" });
        if (!res.ok) return;
        const fresh = new DOMParser().parseFromString(await res.text(), "text/html").getElementById(targetId);
        const shown = document.getElementById(targetId);
        if (!fresh || !shown) return;
        // The element itself is taken over (a region named by its heading), keeping the hint that it is live.
        const hint = shown.dataset.liveHint;
        const next = document.importNode(fresh, true);
        if (hint) {
          const p = document.createElement("p");
          p.className = "hint";
          p.textContent = hint;
          next.append(p);
          next.dataset.liveHint = hint;
        }
        next.hidden = false;
        shown.replaceWith(next);
      } catch {
        // Aborted by newer typing, or offline: the button still previews on submit.
      }
    }, 600);
  });
}
