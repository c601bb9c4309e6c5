"use strict";
// The studio's page: the list of relics, the form of one, and its preview. Every change is
// sent with the secret the studio wrote into this page; the studio checks it before writing.
(() => {
  const token = document.querySelector('meta[name="ditich-token"]').content;
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  let relics = [];
  let current = null; // { folder, version } of the open relic, or { folder: null } for a new one
  let english = false;

  const say = (vi, en) => (english ? en : vi);
  // Folds Vietnamese for search: "den ca" finds "Đền Cả".
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").toLowerCase();

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json", "X-Ditich-Token": token } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, data: await response.json() };
  }

  function option(select, key, label) {
    const choice = document.createElement("option");
    choice.value = key;
    choice.textContent = label;
    select.append(choice);
  }

  async function loadChoices() {
    const { data } = await call("GET", "/api/choices");
    for (const { key, label } of data.rank || []) option($("f-rank"), key, label);
    for (const { key, label } of data.category || []) option($("f-category"), key, label);
    for (const { key, label } of data.types || []) {
      const box = document.createElement("label");
      box.innerHTML = '<input type="checkbox" name="types">';
      box.firstChild.value = key;
      box.append(label);
      $("f-types").append(box);
    }
  }

  async function loadList() {
    const { data } = await call("GET", "/api/relics");
    relics = data.relics;
    showList();
  }

  function showList() {
    const wanted = fold($("search").value.trim());
    const list = $("relics");
    list.replaceChildren();
    for (const relic of relics) {
      if (wanted && !fold(`${relic.id} ${relic.name} ${relic.hamlet || ""}`).includes(wanted)) continue;
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-current", String(current && current.folder === relic.folder));
      const photo = relic.photo ? document.createElement("img") : document.createElement("span");
      if (relic.photo) { photo.src = relic.photo; photo.alt = ""; photo.loading = "lazy"; } else photo.className = "nophoto";
      const words = document.createElement("span");
      const states = [];
      if (relic.errors) states.push(["bad", say(`${relic.errors} lỗi`, `${relic.errors} errors`)]);
      if (relic.warnings) states.push(["warn", say(`${relic.warnings} cảnh báo`, `${relic.warnings} warnings`)]);
      states.push(["", relic.translations.length ? say("có tiếng Anh", "English") : say("chưa dịch", "not translated")]);
      states.push(["", relic.printed ? say("đã in biển", "plaque printed") : say("chưa in biển", "not printed")]);
      words.innerHTML = '<span class="code"></span> <span class="name"></span><span class="state"></span>';
      words.querySelector(".code").textContent = relic.id;
      words.querySelector(".name").textContent = relic.name;
      for (const [kind, text] of states) {
        const state = document.createElement("span");
        state.className = kind;
        state.textContent = text;
        words.querySelector(".state").append(state);
      }
      button.append(photo, words);
      button.addEventListener("click", () => open(relic.folder));
      item.append(button);
      list.append(item);
    }
  }

  function fill(values) {
    for (const field of form.elements) {
      if (!field.name || field.type === "checkbox") continue;
      if (field.name === "location") field.value = values.location || "";
      else if (field.name === "body") field.value = values.body || "";
      else field.value = (values.text || {})[field.name] || "";
    }
    for (const box of form.querySelectorAll('input[name="types"]')) box.checked = (values.types || []).includes(box.value);
    count();
    clearProblems();
  }

  function values() {
    const text = {};
    let location = "";
    let body = "";
    for (const field of form.elements) {
      if (!field.name || field.type === "checkbox") continue;
      if (field.name === "location") location = field.value;
      else if (field.name === "body") body = field.value;
      else text[field.name] = field.value;
    }
    const types = [...form.querySelectorAll('input[name="types"]:checked')].map((b) => b.value);
    return { text, types, location, body };
  }

  function count() {
    $("summary-count").textContent = [...$("f-summary").value].length;
  }

  function clearProblems() {
    for (const shown of form.querySelectorAll(".problem")) shown.remove();
    for (const field of form.querySelectorAll("[aria-invalid]")) { field.removeAttribute("aria-invalid"); field.removeAttribute("aria-describedby"); }
  }

  // The form control a problem's key belongs to: `recognition` (one line for the whole
  // decision) is shown at its first field.
  function control(key) {
    if (!key) return null;
    const named = form.querySelector(`[name="${CSS.escape(key)}"]`);
    if (named) return named.type === "checkbox" ? $("f-types") : named;
    const first = form.querySelector(`[name^="${CSS.escape(key)}."]`);
    return first || (key === "types" ? $("f-types") : null);
  }

  function showProblems(problems) {
    clearProblems();
    const unplaced = [];
    problems.forEach((problem, index) => {
      const where = control(problem.field);
      const note = document.createElement("p");
      note.className = problem.error ? "problem" : "problem warning";
      note.id = `problem-${index}`;
      note.textContent = problem.help ? `${problem.message} — ${problem.help}` : problem.message;
      if (where) {
        where.setAttribute("aria-invalid", String(problem.error));
        where.setAttribute("aria-describedby", note.id);
        (where.closest(".field") || where.parentElement).append(note);
      } else unplaced.push(note.textContent);
    });
    return unplaced;
  }

  function status(text, bad) {
    $("status").textContent = text;
    $("status").className = bad ? "bad" : "";
  }

  function showPreview(page) {
    $("preview-room").hidden = !page;
    if (page) $("preview").src = `${page}?v=${Date.now()}`;
  }

  async function open(folder) {
    const { status: code, data } = await call("GET", `/api/relic?folder=${encodeURIComponent(folder)}`);
    $("editor").hidden = false;
    if (code !== 200) { status(data.refused, true); return; }
    current = { folder, version: data.version };
    $("editor-title").textContent = data.form.text.name || folder;
    fill(data.form);
    status("");
    showList();
    const relic = relics.find((r) => r.folder === folder);
    showPreview(relic && relic.page);
  }

  async function add() {
    const { data } = await call("GET", "/api/next-code");
    current = { folder: null, version: "" };
    $("editor").hidden = false;
    $("editor-title").textContent = say("Di tích mới", "New relic");
    fill({ text: { id: data.id, rank: "unranked" }, types: [], body: "" });
    status("");
    showPreview(null);
    showList();
    $("f-name").focus();
  }

  async function save(event) {
    event.preventDefault();
    const url = current.folder ? `/api/relic?folder=${encodeURIComponent(current.folder)}` : "/api/new";
    $("save").disabled = true;
    const { status: code, data } = await call("POST", url, { version: current.version, form: values() });
    $("save").disabled = false;
    const unplaced = showProblems(data.problems || []);
    if (code === 200) {
      current = { folder: data.folder, version: data.version };
      status(say("Đã lưu.", "Saved.") + (unplaced.length ? " " + unplaced.join(" ") : ""), false);
      await loadList();
      const relic = relics.find((r) => r.folder === data.folder);
      $("editor-title").textContent = relic ? relic.name : data.folder;
      showPreview(relic && relic.page);
    } else {
      const why = data.refused || say("Chưa lưu: hãy sửa các lỗi ghi bên dưới từng ô.", "Not saved: fix the problems shown under the fields.");
      status([why, ...unplaced].join(" "), true);
    }
  }

  // A photo or audio file into the open relic's folder; a photo needs its description first.
  async function upload(file) {
    const showMedia = (text) => { $("media-status").textContent = text; };
    if (!file) return;
    if (!current || !current.folder) { showMedia(say("Hãy bấm Lưu di tích trước khi thêm ảnh.", "Save the relic before adding photos.")); return; }
    const alt = $("f-alt").value.trim();
    if (file.type.startsWith("image/") && !alt) {
      showMedia(say("Hãy viết mô tả ảnh trước khi tải lên.", "Describe the photo before uploading it."));
      $("f-alt").focus();
      return;
    }
    showMedia(say("Đang tải lên…", "Uploading…"));
    const response = await fetch(`/api/upload?folder=${encodeURIComponent(current.folder)}`, {
      method: "POST",
      headers: {
        "X-Ditich-Token": token,
        "X-File-Name": encodeURIComponent(file.name),
        "X-Alt": encodeURIComponent(alt),
        "X-Version": current.version,
      },
      body: file,
    });
    const data = await response.json();
    if (response.status === 200) {
      current.version = data.version;
      $("f-alt").value = "";
      $("f-file").value = "";
      showMedia(say(`Đã thêm ${file.name}.`, `Added ${file.name}.`));
      // The form keeps what is typed but not saved yet: only the file's version moved on.
      await loadList();
      const relic = relics.find((r) => r.folder === current.folder);
      showPreview(relic && relic.page);
    } else {
      showMedia(data.refused || (data.problems || []).map((p) => p.message).join(" "));
    }
  }

  // The plaque and posters of the open relic, as `ditich posters` makes them; its code is
  // then recorded as printed.
  async function print() {
    if (!current || !current.folder) { status(say("Hãy bấm Lưu di tích trước khi in.", "Save the relic before printing."), true); return; }
    status(say("Đang tạo tệp in…", "Making the print files…"), false);
    const { status: code, data } = await call("POST", `/api/print?folder=${encodeURIComponent(current.folder)}`, {});
    if (code !== 200) { status(data.refused, true); return; }
    status(say(`Đã tạo tệp in cho ${data.id}.`, `Print files made for ${data.id}.`), false);
    const list = $("print-files");
    const images = $("print-images");
    list.replaceChildren();
    images.replaceChildren();
    for (const url of data.files) {
      const name = url.split("/").pop();
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.textContent = name;
      item.append(link);
      list.append(item);
      if (name.endsWith(".png")) {
        const image = document.createElement("img");
        image.src = `${url}?v=${Date.now()}`;
        image.alt = say(`Bản in ${name}`, `Print ${name}`);
        images.append(image);
      }
    }
    $("printed").hidden = false;
    await loadList();
  }

  function translate() {
    english = !english;
    document.documentElement.lang = english ? "en" : "vi";
    for (const element of document.querySelectorAll("[data-vi]")) element.textContent = english ? element.dataset.en : element.dataset.vi;
    $("language").textContent = english ? "Tiếng Việt" : "English";
    $("language").lang = english ? "vi" : "en";
    showList();
  }

  $("search").addEventListener("input", showList);
  $("add").addEventListener("click", add);
  $("f-summary").addEventListener("input", count);
  $("language").addEventListener("click", translate);
  form.addEventListener("submit", save);
  $("print").addEventListener("click", print);
  $("upload").addEventListener("click", () => upload($("f-file").files[0]));
  $("media").addEventListener("dragover", (event) => event.preventDefault());
  $("media").addEventListener("drop", (event) => {
    event.preventDefault();
    upload(event.dataTransfer.files[0]);
  });
  loadChoices().then(loadList);
})();
