// The review lists' keyboard: j/k move, o opens, a assigns to me, c confirms a link, d dismisses,
// x selects for a bulk action, ? shows help. Every action is also a button.
(function () {
  "use strict";
  const help = document.getElementById("keyboard-help");
  let current = -1;

  function rows() {
    return Array.from(document.querySelectorAll("[data-row]"));
  }

  function select(index) {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle("selected", i === current); });
    all[current].focus({ preventScroll: false });
    document.body.dataset.selectedRow = all[current].id;
    all[current].scrollIntoView({ block: "nearest" });
  }

  function currentRow() {
    const all = rows();
    return current >= 0 && current < all.length ? all[current] : null;
  }

  function press(key) {
    const row = currentRow();
    const button = row && row.querySelector('[data-key="' + key + '"]');
    if (button) button.click();
  }

  function typing(target) {
    return target.closest("input, select, textarea, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (help && help.open && event.key !== "?") return;
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "o": {
        const row = currentRow();
        if (row) window.location.assign(row.dataset.open);
        break;
      }
      case "a": press("a"); break;
      case "c": press("c"); break;
      case "d": press("d"); break;
      case "i": press("i"); break;
      case "r": press("r"); break;
      case "x": {
        const box = currentRow() && currentRow().querySelector('input[type="checkbox"]');
        if (box) box.checked = !box.checked;
        break;
      }
      case "?":
        if (help) { help.open ? help.close() : help.showModal(); }
        break;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-help-open]") && help) help.showModal();
    const all = event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll('[data-row] input[type="checkbox"]').forEach(function (box) { box.checked = all.checked; });
    }
  });

  // Bulk actions: show the person or status choice only for the action that needs it.
  const bulkAction = document.getElementById("bulk-action");
  function showBulkChoices() {
    const assignee = document.getElementById("bulk-assignee");
    const status = document.getElementById("bulk-status");
    if (!bulkAction || !assignee || !status) return;
    assignee.hidden = bulkAction.value !== "assign";
    status.hidden = bulkAction.value !== "status";
  }
  if (bulkAction) {
    bulkAction.addEventListener("change", showBulkChoices);
    showBulkChoices();
  }

  // After htmx swaps a row in, keep it selected so the next key acts on it.
  document.body.addEventListener("htmx:afterSettle", function () {
    const selectedId = document.body.dataset.selectedRow;
    const row = selectedId && document.getElementById(selectedId);
    const index = row ? rows().indexOf(row) : -1;
    if (index >= 0) select(index); else current = -1;
  });
})();
