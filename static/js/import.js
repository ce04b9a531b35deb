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

  function resultItem(name, result) {
    const item = document.createElement("li");
    item.className = "import-" + result.status;
    const title = document.createElement("strong");
    title.textContent = name;
    item.appendChild(title);
    let text = ": rejected: " + (result.message || "failed");
    if (result.status === "imported") {
      text = ": imported with " + result.claims + " claims, " + result.links + " links";
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

  async function importOne(file) {
    const data = new FormData(form);
    data.delete("files");
    data.delete("text");
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
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    section.hidden = false;
    list.replaceChildren();
    bar.max = files.length;
    for (let index = 0; index < files.length; index++) {
      count.textContent = "Importing " + (index + 1) + " of " + files.length + "…";
      const result = await importOne(files[index]);
      list.appendChild(resultItem(files[index].name, result));
      bar.value = index + 1;
    }
    count.textContent = files.length + " of " + files.length + " done";
    button.disabled = false;
    fileInput.value = "";
  });
})();
