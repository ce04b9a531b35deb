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

// The menu button on phones (hidden, and the menu open, when JavaScript is off).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const menu = document.getElementById("site-menu");
  if (!toggle || !menu) return;
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = menu.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
});

// On a phone, long panels (the queue's filters) start folded so the rows come first.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.matchMedia("(max-width: 700px)").matches) return;
  document.querySelectorAll("details[data-fold-on-phone]").forEach((panel) => {
    panel.open = false;
  });
});
