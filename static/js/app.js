// Behaviour shared by every page. No inline scripts anywhere: the CSP forbids them.
"use strict";

// A live character counter for fields with a limit the server enforces (data-max-length):
// the text is never cut, the counter says how far over it is.
function attachCounters(root) {
  root.querySelectorAll("input[data-max-length], textarea[data-max-length]").forEach((field) => {
    if (field.dataset.counterReady) return;
    field.dataset.counterReady = "1";
    const limit = Number(field.dataset.maxLength);
    const counter = document.createElement("p");
    counter.className = "meta char-counter";
    counter.id = field.getAttribute("aria-describedby") || `${field.id}-count`;
    counter.setAttribute("aria-live", "polite");
    const update = () => {
      const left = limit - field.value.length;
      counter.textContent = left >= 0 ? `${left} of ${limit} characters left` : `${-left} characters over the ${limit} limit`;
      counter.classList.toggle("over-limit", left < 0);
      field.setAttribute("aria-invalid", left < 0 ? "true" : "false");
    };
    field.insertAdjacentElement("afterend", counter);
    field.addEventListener("input", update);
    update();
  });
}
document.addEventListener("DOMContentLoaded", () => attachCounters(document));
document.addEventListener("htmx:load", (event) => attachCounters(event.target));
