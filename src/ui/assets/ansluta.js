// Progressive enhancement only: every page works without this file.
// Move focus to the error summary after a failed submit, so screen readers announce the errors.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-autofocus]");
  if (summary instanceof HTMLElement) summary.focus();
});
