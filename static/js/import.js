// Upload the chosen files one at a time, showing progress and each file's result
// as it arrives. Without JavaScript the form posts all files at once instead.
(function () {
  "use strict";
  const form = document.getElementById("import-form");
  if (!form || !window.fetch || !window.FormData) return;
  const fileInput = form.querySelector("input[type=file]");
  const section = document.getElementById("import-progress");
  const bar = document.getElementById("import-bar");
  const count = document.getElementById("import-count");
  const list = document.getElementById("import-results");
  const perFile = document.getElementById("import-files");
  const sharedOutlet = form.querySelector("input[name=outlet]");

  // Each chosen file gets its own outlet field, prefilled from the file's header ("Outlet: …")
  // or its URL's domain, so one batch may mix outlets; the shared field fills the rest.
  function headerOf(text) {
    const head = text.split(/\n---\s*\n/)[0];
    const outlet = /^Outlet:\s*(.+)$/im.exec(head);
    const url = /^URL:\s*(\S+)$/im.exec(head);
    let domain = "";
    if (url) {
      try { domain = new URL(url[1]).hostname.replace(/^www\./, ""); } catch (error) { domain = ""; }
    }
    return { outlet: outlet ? outlet[1].trim() : "", domain: domain };
  }

  function readStart(file) {
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result || ""));
      reader.onerror = () => resolve("");
      reader.readAsText(file.slice(0, 4096));
    });
  }

  async function listFiles() {
    if (!perFile) return;
    perFile.replaceChildren();
    const files = Array.from(fileInput.files || []);
    if (files.length === 0) { perFile.hidden = true; return; }
    perFile.hidden = false;
    const caption = document.createElement("p");
    caption.className = "meta";
    caption.textContent = "Each file's outlet (from its header or URL when it has one; the outlet above fills the others):";
    perFile.appendChild(caption);
    const table = document.createElement("ul");
    table.className = "pick-list";
    for (let index = 0; index < files.length; index++) {
      const header = headerOf(await readStart(files[index]));
      const row = document.createElement("li");
      row.dataset.index = String(index);
      row.dataset.domain = header.domain;
      const label = document.createElement("label");
      label.htmlFor = "file-outlet-" + index;
      label.textContent = files[index].name + " — outlet ";
      const input = document.createElement("input");
      input.type = "text";
      input.id = "file-outlet-" + index;
      input.name = "file_outlet";
      input.setAttribute("list", "outlet-names");
      input.value = header.outlet;
      input.placeholder = header.domain ? "from its URL: " + header.domain : "required: choose or type";
      const problem = document.createElement("span");
      problem.className = "field-errors";
      problem.setAttribute("role", "alert");
      row.append(label, input, problem);
      table.appendChild(row);
    }
    perFile.appendChild(table);
  }

  function outletFor(index) {
    const row = perFile ? perFile.querySelector("li[data-index='" + index + "']") : null;
    const own = row ? row.querySelector("input").value.trim() : "";
    return own || (sharedOutlet ? sharedOutlet.value.trim() : "") || (row ? row.dataset.domain : "");
  }

  function missingOutlets(files) {
    let missing = 0;
    files.forEach((file, index) => {
      const row = perFile ? perFile.querySelector("li[data-index='" + index + "']") : null;
      const problem = row ? row.querySelector(".field-errors") : null;
      const empty = !outletFor(index);
      if (problem) problem.textContent = empty ? " Choose this file's outlet." : "";
      if (empty) missing += 1;
    });
    return missing;
  }

  if (fileInput) fileInput.addEventListener("change", listFiles);

  function resultItem(name, result) {
    const item = document.createElement("li");
    item.className = "import-" + result.status;
    const title = document.createElement("strong");
    title.textContent = name;
    item.appendChild(title);
    let text = ": rejected: " + (result.message || "failed");
    if (result.status === "imported") {
      const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
      text = ": imported with " + plural(result.claims, "claim") + ", " + plural(result.links, "link");
      if (result.conflicts) text += ", " + result.conflicts + (result.conflicts === 1 ? " conflict" : " conflicts");
      text += " — ";
    }
    if (result.status === "duplicate") text = ": already imported ";
    item.appendChild(document.createTextNode(text));
    if (result.url) {
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.conflicts ? "review them" : "open";
      item.appendChild(link);
    }
    return item;
  }

  async function importOne(file, outlet) {
    const data = new FormData(form);
    data.delete("files");
    data.delete("text");
    data.delete("file_outlet");
    data.set("outlet", outlet);
    data.append("files", file, file.name);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") },
        credentials: "same-origin",
      });
      return await response.json();
    } catch (error) {
      return { status: "rejected", message: "the upload failed (" + error.message + ")" };
    }
  }

  form.addEventListener("submit", async function (event) {
    const files = Array.from(fileInput.files || []);
    if (files.length === 0) return; // pasted text: a normal post
    event.preventDefault();
    if (missingOutlets(files)) {
      count.textContent = "";
      section.hidden = false;
      list.replaceChildren();
      const item = document.createElement("li");
      item.className = "import-rejected";
      item.setAttribute("role", "alert");
      item.textContent = "Nothing was sent: choose the outlet of every file marked above.";
      list.appendChild(item);
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    if (form.dataset.background === "1") {
      // A worker takes the files: send them all at once, each with its outlet; the page that
      // answers shows their progress.
      files.forEach((file, index) => {
        const input = perFile ? perFile.querySelector("li[data-index='" + index + "'] input") : null;
        if (input) input.value = outletFor(index);
      });
      count.textContent = "Sending " + files.length + (files.length === 1 ? " file…" : " files…");
      section.hidden = false;
      form.submit();
      return;
    }
    section.hidden = false;
    list.replaceChildren();
    bar.max = files.length;
    for (let index = 0; index < files.length; index++) {
      count.textContent = "Importing " + (index + 1) + " of " + files.length + "…";
      const result = await importOne(files[index], outletFor(index));
      list.appendChild(resultItem(files[index].name, result));
      bar.value = index + 1;
    }
    count.textContent = files.length + " of " + files.length + " done";
    button.disabled = false;
    fileInput.value = "";
    if (perFile) { perFile.replaceChildren(); perFile.hidden = true; }
  });
})();
