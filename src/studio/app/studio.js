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

  // Every control is made from the front matter's field table the studio serves, so a key
  // added there appears here, in `ditich new` and in the guides at once.
  const idOf = (name) => `f-${name.replace(/[._:]/g, "-")}`;
  const translatedName = (key) => `t:${key}`;

  function labelled(element, words) {
    element.dataset.vi = words.vi;
    element.dataset.en = words.en;
    element.textContent = english ? words.en : words.vi;
    return element;
  }

  function control(field, name, choices) {
    let input;
    switch (field.kind) {
      case "choice":
        input = document.createElement("select");
        for (const { key, label } of choices[field.of] || []) option(input, key, label);
        break;
      case "paragraph":
      case "summary":
        input = document.createElement("textarea");
        input.rows = field.kind === "summary" ? 3 : 4;
        break;
      case "date":
        input = document.createElement("input");
        input.type = "date";
        break;
      case "switch":
        input = document.createElement("input");
        input.type = "checkbox";
        input.value = "true";
        break;
      default:
        input = document.createElement("input");
        input.autocomplete = "off";
        if (field.kind === "location") input.placeholder = "19.0232, 105.4471";
        if (field.kind === "file") input.setAttribute("list", "folder-files");
    }
    input.name = name;
    input.id = idOf(name);
    return input;
  }

  // One field: its label, its control and, for words a translation carries, the control in
  // the second language beside it.
  function fieldBlock(field, choices) {
    const block = document.createElement(field.kind === "types" || field.kind === "group" ? "fieldset" : "div");
    block.className = "field";
    if (field.kind === "types") {
      block.id = "f-types";
      block.append(labelled(document.createElement("legend"), field.label));
      for (const { key, label } of choices.types || []) {
        const box = document.createElement("label");
        box.innerHTML = '<input type="checkbox" name="types">';
        box.firstChild.value = key;
        box.append(label);
        block.append(box);
      }
      return block;
    }
    if (field.kind === "group") {
      block.classList.add("group");
      block.append(labelled(document.createElement("legend"), field.label));
      for (const member of fields.filter((f) => f.key.startsWith(`${field.key}.`))) {
        const input = control(member, member.key, choices);
        const label = labelled(document.createElement("label"), member.label);
        label.htmlFor = input.id;
        block.append(label, input);
      }
      return block;
    }
    const name = field.place === "translation" ? translatedName(field.key) : field.key;
    const input = control(field, name, choices);
    const label = labelled(document.createElement("label"), field.label);
    label.htmlFor = input.id;
    if (field.kind === "switch") {
      block.classList.add("switch");
      block.append(input, label);
    } else block.append(label, input);
    if (field.place === "translated" && translation) {
      block.classList.add("pair");
      const other = control(field, translatedName(field.key), choices);
      other.lang = translation;
      const otherLabel = document.createElement("label");
      otherLabel.htmlFor = other.id;
      otherLabel.className = "t-label";
      labelled(otherLabel, { vi: `${field.label.vi}, ${languageName.vi}`, en: `${field.label.en}, ${languageName.en}` });
      block.append(otherLabel, other);
    }
    const help = labelled(document.createElement("p"), field.help);
    help.className = "help";
    if (field.kind === "summary") {
      const counter = document.createElement("p");
      counter.className = "help";
      counter.innerHTML = `<span id="${input.id}-count">0</span>/${field.limit}`;
      block.append(counter);
    }
    block.append(help);
    return block;
  }

  let fields = [];
  let translation = null; // the site's second language, when it has one
  let languageName = { vi: "", en: "" };

  async function loadFields() {
    const { data } = await call("GET", "/api/fields");
    fields = data.fields;
    translation = data.translation;
    sizes = data.sizes || [];
    languageName = translation === "en" ? { vi: "tiếng Anh", en: "English" } : { vi: translation || "", en: translation || "" };
    const choices = data.choices || {};
    const room = $("fields");
    room.replaceChildren();
    for (const field of fields) {
      if (field.key.includes(".") || field.kind === "photos" || field.kind === "extra") continue;
      if (field.place === "translation" && !translation) continue;
      room.append(fieldBlock(field, choices));
    }
    const files = document.createElement("datalist");
    files.id = "folder-files";
    room.append(files);
    const location = $("f-location");
    if (location) {
      const box = document.createElement("div");
      box.id = "location-map";
      box.className = "location-map";
      location.closest(".field").append(box);
      location.addEventListener("change", drawMap);
      mapPoints = (await call("GET", "/api/map")).data.points || [];
    }
    $("story-t").hidden = !translation;
    if (translation) labelled($("story-t").querySelector("label"), { vi: `Bài viết, ${languageName.vi}`, en: `Story, ${languageName.en}` });
    $("f-summary").addEventListener("input", count);
  }

  async function loadList() {
    const { data } = await call("GET", "/api/relics");
    relics = data.relics;
    showList();
    showPrintChoices();
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
      if (relic.draft) states.push(["warn", say("bản nháp", "draft")]);
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

  // `values` into the controls named `prefix + key`: the relic's own with no prefix, its
  // translation's with `t:`.
  // The controls of one side with their keys: the relic's own (no prefix), or its
  // translation's (`t:`).
  function* controls(prefix) {
    for (const field of form.elements) {
      if (!field.name || field.name === "types") continue;
      const own = prefix ? field.name.startsWith(prefix) : !field.name.startsWith("t:");
      if (own) yield [field, field.name.slice(prefix.length)];
    }
  }

  function fillSide(values, prefix) {
    for (const [field, key] of controls(prefix)) {
      const value = key === "location" ? values.location : key === "body" ? values.body : (values.text || {})[key];
      if (field.type === "checkbox") field.checked = value === "true";
      else field.value = value || "";
    }
  }

  function fill(values, translated) {
    fillSide(values, "");
    fillSide(translated || {}, "t:");
    for (const box of form.querySelectorAll('input[name="types"]')) box.checked = (values.types || []).includes(box.value);
    count();
    clearProblems();
  }

  function side(prefix) {
    const text = {};
    let location = "";
    let body = "";
    for (const [field, key] of controls(prefix)) {
      if (key === "location") location = field.value;
      else if (key === "body") body = field.value;
      else text[key] = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value;
    }
    return { text, location, body, types: [] };
  }

  function values() {
    const own = side("");
    own.types = [...form.querySelectorAll('input[name="types"]:checked')].map((b) => b.value);
    return own;
  }

  // What a save or a preview sends: the relic's values and, when the site has a second
  // language, its translation's with the version it was opened at.
  function sent() {
    const body = { version: current.version, form: values() };
    if (translation) body.translation = { version: current.translationVersion || "", form: side("t:") };
    return body;
  }

  function count() {
    $("f-summary-count").textContent = [...$("f-summary").value].length;
  }

  function clearProblems() {
    for (const shown of form.querySelectorAll(".problem")) shown.remove();
    for (const field of form.querySelectorAll("[aria-invalid]")) { field.removeAttribute("aria-invalid"); field.removeAttribute("aria-describedby"); }
  }

  // The form control a problem's key belongs to: `recognition` (one line for the whole
  // decision) is shown at its first field.
  function place(key, lang) {
    if (!key) return null;
    if (lang && form.querySelector(`[name="${CSS.escape(translatedName(key))}"]`)) key = translatedName(key);
    const named = form.querySelector(`[name="${CSS.escape(key)}"]`);
    if (named) return named.type === "checkbox" ? $("f-types") : named;
    const first = form.querySelector(`[name^="${CSS.escape(key)}."]`);
    return first || (key === "types" ? $("f-types") : null);
  }

  function showProblems(problems) {
    clearProblems();
    const unplaced = [];
    problems.forEach((problem, index) => {
      const where = place(problem.field, problem.lang);
      const note = document.createElement("p");
      note.className = problem.error ? "problem" : "problem warning";
      note.id = `problem-${index}`;
      const words = english && problem.en ? problem.en : problem;
      note.textContent = words.help ? `${words.message} — ${words.help}` : words.message;
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

  // The relic's page beside the form; a draft has none, and says how to publish it.
  function showPreview(page, draft) {
    $("preview-room").hidden = !page && !draft;
    $("preview-note").hidden = !draft;
    $("preview").hidden = !!draft;
    if (page && !draft) $("preview").src = `${page}?v=${Date.now()}`;
  }

  // The files of the open relic's folder, for the file fields and the story's photo menu.
  function showFiles(files) {
    const list = $("folder-files");
    list.replaceChildren();
    const photos = $("insert-photo");
    photos.replaceChildren();
    option(photos, "", "—");
    for (const name of files) {
      option(list, name, name);
      if (/\.(jpe?g|png|webp)$/i.test(name)) option(photos, name, name);
    }
  }

  function showRelicLinks() {
    const links = $("link-relic");
    links.replaceChildren();
    option(links, "", "—");
    for (const relic of relics) if (!current || relic.folder !== current.folder) option(links, relic.folder, `${relic.id} ${relic.name}`);
  }

  // The location picked on the map of the located relics: an equirectangular projection
  // around them, as the guide's map draws them, with a margin to click beyond them.
  const SVG = "http://www.w3.org/2000/svg";
  let mapPoints = [];
  function drawMap() {
    const box = $("location-map");
    if (!box) return;
    box.replaceChildren();
    const input = $("f-location");
    const typed = (input.value.match(/-?\d+(?:\.\d+)?/g) || []).map(Number);
    const own = typed.length === 2 ? { lat: typed[0], lon: typed[1] } : null;
    const others = mapPoints.filter((p) => !current || p.folder !== current.folder);
    const all = own ? [...others, own] : others;
    if (!all.length) { box.hidden = true; return; }
    box.hidden = false;
    const lats = all.map((p) => p.lat), lons = all.map((p) => p.lon);
    const pad = Math.max(0.004, (Math.max(...lats) - Math.min(...lats)) * 0.2, (Math.max(...lons) - Math.min(...lons)) * 0.2);
    const south = Math.min(...lats) - pad, north = Math.max(...lats) + pad;
    const west = Math.min(...lons) - pad, east = Math.max(...lons) + pad;
    const squeeze = Math.cos(((north + south) / 2) * Math.PI / 180);
    const width = 600, height = Math.max(200, Math.min(420, width * (north - south) / ((east - west) * squeeze)));
    const at = (p) => [((p.lon - west) / (east - west)) * width, ((north - p.lat) / (north - south)) * height];
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", say("Bản đồ các di tích: bấm vào một điểm để lấy toạ độ", "Map of the relics: click a spot to take its location"));
    const shape = (name, attributes) => {
      const element = document.createElementNS(SVG, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
      svg.append(element);
      return element;
    };
    shape("rect", { width, height, rx: 8, fill: "#f3ece0" });
    for (const point of others) {
      const [x, y] = at(point);
      shape("circle", { cx: x, cy: y, r: 7, fill: "#b5651d", stroke: "#fff", "stroke-width": 2 });
      shape("text", { x: x + 10, y: y + 5, "font-size": 16, fill: "#1f1a17" }).textContent = point.id;
    }
    if (own) {
      const [x, y] = at(own);
      shape("path", { d: `M${x} ${y}l-9 -22a11 11 0 1 1 18 0z`, fill: "#8a1c12", stroke: "#fff", "stroke-width": 2 });
    }
    svg.addEventListener("click", (event) => {
      const frame = svg.getBoundingClientRect();
      const x = ((event.clientX - frame.left) / frame.width) * width;
      const y = ((event.clientY - frame.top) / frame.height) * height;
      const lat = north - (y / height) * (north - south);
      const lon = west + (x / width) * (east - west);
      input.value = `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      drawMap();
    });
    const caption = document.createElement("p");
    caption.className = "help";
    caption.textContent = say("Bấm vào bản đồ để lấy toạ độ; các chấm là những di tích đã có toạ độ, dấu đỏ là di tích này.", "Click the map to take a location; the dots are the relics already located, the red pin is this one.");
    box.append(svg, caption);
  }

  async function open(folder) {
    const { status: code, data } = await call("GET", `/api/relic?folder=${encodeURIComponent(folder)}`);
    $("editor").hidden = false;
    $("form").hidden = false;
    if (code !== 200) { status(data.refused, true); return; }
    current = { folder, version: data.version, translationVersion: data.translation ? data.translation.version : "" };
    $("editor-title").textContent = data.form.text.name || folder;
    fill(data.form, data.translation && data.translation.form);
    showFiles(data.files || []);
    showGallery(data.gallery || []);
    drawMap();
    status("");
    showList();
    showRelicLinks();
    showManage();
    const relic = relics.find((r) => r.folder === folder);
    showPreview(relic && relic.page, relic && relic.draft);
  }

  async function add() {
    const { data } = await call("GET", "/api/next-code");
    current = { folder: null, version: "", translationVersion: "" };
    $("editor").hidden = false;
    $("form").hidden = false;
    showManage();
    $("editor-title").textContent = say("Di tích mới", "New relic");
    fill({ text: { id: data.id, rank: "unranked" }, types: [], body: "" }, null);
    showFiles([]);
    $("gallery").replaceChildren();
    drawMap();
    status("");
    showPreview(null);
    showList();
    showRelicLinks();
    $("f-name").focus();
  }

  async function save(event) {
    event.preventDefault();
    const url = current.folder ? `/api/relic?folder=${encodeURIComponent(current.folder)}` : "/api/new";
    $("save").disabled = true;
    clearTimeout(pending);
    const { status: code, data } = await call("POST", url, sent());
    $("save").disabled = false;
    const unplaced = showProblems(data.problems || []);
    if (code === 200) {
      current = { folder: data.folder, version: data.version, translationVersion: data.translation_version || "" };
      status(say("Đã lưu.", "Saved.") + (unplaced.length ? " " + unplaced.join(" ") : ""), false);
      await loadList();
      const relic = relics.find((r) => r.folder === data.folder);
      $("editor-title").textContent = relic ? relic.name : data.folder;
      showManage();
      showPreview(relic && relic.page, relic && relic.draft);
    } else {
      const why = data.refused || say("Chưa lưu: hãy sửa các lỗi ghi bên dưới từng ô, hoặc bấm Lưu nháp để giữ lại bản chưa xong.", "Not saved: fix the problems shown under the fields, or press Save as draft to keep the unfinished text.");
      status([why, ...unplaced].join(" "), true);
    }
  }

  // The live preview: the page as the build makes it from what is typed, a moment after the
  // officer stops typing. Nothing is written until Lưu.
  let pending = 0;
  let previewing = false;
  function livePreview(event) {
    if (!current || !current.folder || (event && !event.target.name)) return;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      if (previewing) { livePreview(); return; }
      previewing = true;
      const typingTranslation = document.activeElement && (document.activeElement.name || "").startsWith("t:");
      const lang = typingTranslation ? translation : "";
      const { status: code, data } = await call("POST", `/api/preview?folder=${encodeURIComponent(current.folder)}&lang=${encodeURIComponent(lang || "")}`, sent());
      previewing = false;
      if (code === 200) { clearProblems(); showPreview(data.page, !data.page); }
      else showProblems(data.problems || []);
    }, 700);
  }

  // The story toolbar: Markdown put around the selection of the story being written.
  let story = null;
  function insert(before, after, placeholder) {
    const area = story || $("f-body");
    const { selectionStart: start, selectionEnd: end, value } = area;
    const chosen = value.slice(start, end) || placeholder;
    area.value = value.slice(0, start) + before + chosen + after + value.slice(end);
    area.focus();
    area.setSelectionRange(start + before.length, start + before.length + chosen.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  const TOOLS = {
    heading: () => insert("\n\n## ", "\n\n", say("Tiêu đề", "Heading")),
    bold: () => insert("**", "**", say("chữ đậm", "bold text")),
    list: () => insert("\n\n- ", "\n", say("mục", "item")),
    table: () => insert(say("\n| Cột 1 | Cột 2 |\n|---|---|\n| ", "\n| Column 1 | Column 2 |\n|---|---|\n| "), " |  |\n", say("ô", "cell")),
  };

    // The photos in the order the page shows them; dragging one, or its buttons, reorders them
  // and the first is the cover.
  let gallery = [];
  function showGallery(photos) {
    gallery = photos;
    const list = $("gallery");
    list.replaceChildren();
    photos.forEach((photo, index) => {
      const item = document.createElement("li");
      item.draggable = true;
      item.dataset.index = index;
      const image = document.createElement("img");
      image.src = `/api/photo?folder=${encodeURIComponent(current.folder)}&file=${encodeURIComponent(photo.file)}`;
      image.alt = photo.alt;
      const words = document.createElement("span");
      words.textContent = index === 0 ? `${say("Ảnh bìa", "Cover")}: ${photo.file}` : photo.file;
      item.append(image, words);
      const move = (label, to) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label.text;
        button.setAttribute("aria-label", `${label.name} ${photo.file}`);
        button.addEventListener("click", () => arrange(index, to));
        item.append(button);
      };
      if (index > 0) move({ text: say("Làm ảnh bìa", "Make cover"), name: say("Làm ảnh bìa:", "Make the cover:") }, 0);
      if (index > 0) move({ text: "↑", name: say("Lên trước:", "Move up:") }, index - 1);
      if (index < photos.length - 1) move({ text: "↓", name: say("Xuống sau:", "Move down:") }, index + 1);
      item.addEventListener("dragstart", (event) => event.dataTransfer.setData("text/x-ditich-photo", String(index)));
      item.addEventListener("dragover", (event) => event.preventDefault());
      item.addEventListener("drop", (event) => {
        const from = event.dataTransfer.getData("text/x-ditich-photo");
        if (from === "") return;
        event.preventDefault();
        event.stopPropagation();
        arrange(Number(from), index);
      });
      list.append(item);
    });
  }

  async function arrange(from, to) {
    if (from === to) return;
    const order = gallery.map((p) => p.file);
    order.splice(to, 0, ...order.splice(from, 1));
    const { status: code, data } = await call("POST", `/api/gallery?folder=${encodeURIComponent(current.folder)}`, { version: current.version, order });
    if (code !== 200) { $("media-status").textContent = data.refused || (data.problems || []).map((p) => p.message).join(" "); return; }
    current.version = data.version;
    await refreshFiles();
    $("media-status").textContent = say(`Ảnh bìa: ${order[0]}.`, `Cover: ${order[0]}.`);
    const relic = relics.find((r) => r.folder === current.folder);
    showPreview(relic && relic.page);
  }

  // After a change to the relic's photos: the keys it wrote, taken as written, and whatever
  // else is typed but not saved yet kept.
  async function refreshFiles() {
    const fresh = await call("GET", `/api/relic?folder=${encodeURIComponent(current.folder)}`);
    for (const key of ["cover", "cover_alt", "audio"]) {
      const input = form.querySelector(`[name="${key}"]`);
      if (input) input.value = fresh.data.form.text[key] || "";
    }
    showFiles(fresh.data.files || []);
    showGallery(fresh.data.gallery || []);
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
      await refreshFiles();
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

  // Print files as links to download and pictures to look at, in `list` and `images`.
  function showPrinted(files, list, images) {
    list.replaceChildren();
    images.replaceChildren();
    for (const url of files) {
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
  }

  // The plaque and posters of the open relic, as `ditich posters` makes them; its code is
  // then recorded as printed.
  async function print() {
    if (!current || !current.folder) { status(say("Hãy bấm Lưu di tích trước khi in.", "Save the relic before printing."), true); return; }
    status(say("Đang tạo tệp in…", "Making the print files…"), false);
    const { status: code, data } = await call("POST", `/api/print?folder=${encodeURIComponent(current.folder)}`, {});
    if (code !== 200) { status(data.refused, true); return; }
    status(say(`Đã tạo tệp in cho ${data.ids.join(", ")}.`, `Print files made for ${data.ids.join(", ")}.`), false);
    showPrinted(data.files, $("print-files"), $("print-images"));
    $("printed").hidden = false;
    await loadList();
  }

  // Several relics in the sizes picked, in one go.
  let sizes = [];
  function showPrintChoices() {
    const box = (name, value, label, checked) => {
      const wrap = document.createElement("label");
      wrap.innerHTML = `<input type="checkbox" name="${name}">`;
      wrap.firstChild.value = value;
      wrap.firstChild.checked = checked;
      wrap.append(label);
      return wrap;
    };
    const chosen = new Set([...document.querySelectorAll('input[name="print-relic"]:checked')].map((b) => b.value));
    $("print-relics").replaceChildren(...relics.map((r) => box("print-relic", r.id, `${r.id} ${r.name}`, chosen.has(r.id))));
    if (!$("print-sizes").children.length) $("print-sizes").replaceChildren(...sizes.map((s) => box("print-size", s.name, `${s.name} (${s.width_mm} × ${s.height_mm} mm)`, true)));
  }

  async function printChosen() {
    const ids = [...document.querySelectorAll('input[name="print-relic"]:checked')].map((b) => b.value);
    const chosenSizes = [...document.querySelectorAll('input[name="print-size"]:checked')].map((b) => b.value);
    const say2 = (text) => { $("print-status").textContent = text; };
    if (!ids.length || !chosenSizes.length) { say2(say("Hãy chọn ít nhất một di tích và một khổ in.", "Pick at least one relic and one size.")); return; }
    say2(say("Đang tạo tệp in…", "Making the print files…"));
    const { status: code, data } = await call("POST", "/api/print", { ids, sizes: chosenSizes });
    if (code !== 200) { say2(data.refused); return; }
    say2(say(`Đã tạo tệp in cho ${ids.join(", ")}; các mã đã được ghi vào plaques.toml.`, `Print files made for ${ids.join(", ")}; the codes are recorded in plaques.toml.`));
    showPrinted(data.files, $("print-many-files"), $("print-many-images"));
    await loadList();
  }

  // Publishing, as `ditich publish` does; what it would ask at a terminal is asked here.
  async function publish(accept) {
    const said = (text) => { $("publish-status").textContent = text; };
    const button = $("publish-now");
    button.disabled = true;
    said(say("Đang tạo trang và gửi lên máy chủ…", "Building and sending to the host…"));
    const password = $("publish-password").value;
    const { status: code, data } = await call("POST", "/api/publish", { password, accept });
    button.disabled = false;
    if (code === 200) {
      $("publish-password").value = "";
      const kept = data.kept.length ? say(` Giữ lại trên máy chủ vì mã đã in: ${data.kept.join(", ")}.`, ` Kept on the host, as their codes are printed: ${data.kept.join(", ")}.`) : "";
      // The command's own sentence, which begins in lower case after "ditich:".
      const done = say(data.vi, data.en);
      said(done.charAt(0).toUpperCase() + done.slice(1) + kept);
      return;
    }
    if (data.needs === "password") {
      $("publish-password-row").hidden = false;
      $("publish-password-label").textContent = say(`Mật khẩu của ${data.whose}`, `Password for ${data.whose}`);
      $("publish-password").focus();
      said(say("Máy chủ cần mật khẩu: gõ vào rồi bấm đăng lại.", "The host needs a password: type it, then publish again."));
      return;
    }
    if (data.needs === "trust") {
      const question = say(
        `${data.host} là máy chủ mới với máy này. Dấu vân tay khoá của nó là\n${data.fingerprint}\nCó đúng là dấu mà nhà cung cấp máy chủ đã cho không?`,
        `${data.host} is new to this computer. Its key's fingerprint is\n${data.fingerprint}\nIs that the one the host's provider gave?`);
      if (confirm(question)) { await publish(data.fingerprint); return; }
      said(say("Chưa đăng: máy chủ chưa được tin.", "Not published: the host is not trusted."));
      return;
    }
    said(data.refused);
  }

  // Renaming the folder and retiring the relic, as `ditich rename` and `ditich retire` do.
  function showManage() {
    const saved = current && current.folder;
    $("manage").hidden = !saved;
    if (!saved) return;
    $("rename-to").value = current.folder;
    const to = $("retire-to");
    to.replaceChildren();
    option(to, "", say("— không mở di tích nào khác —", "— no other relic —"));
    for (const relic of relics) if (relic.folder !== current.folder && !relic.draft) option(to, relic.id, `${relic.id} ${relic.name}`);
    $("manage-status").textContent = "";
  }

  async function move(kind) {
    const to = kind === "rename" ? $("rename-to").value : $("retire-to").value;
    if (kind === "retire" && !confirm(say("Cho di tích này nghỉ? Thư mục sẽ được chuyển vào retired/.", "Retire this relic? Its folder moves to retired/."))) return;
    const { status: code, data } = await call("POST", `/api/${kind}?folder=${encodeURIComponent(current.folder)}`, { to });
    $("manage-status").textContent = code === 200 ? say(data.vi, data.en) : (english ? data.en : data.vi) || data.refused;
    if (code !== 200) return;
    await loadList();
    if (kind === "rename") { await open(data.folder); status(say(data.vi, data.en), false); return; }
    // Retired: its folder is gone from sites/, so there is no form left to show.
    current = null;
    $("form").hidden = true;
    $("manage").hidden = true;
    $("editor-title").textContent = "";
    status(say(data.vi, data.en), false);
    showPreview(null);
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
  form.addEventListener("input", livePreview);
  form.addEventListener("change", livePreview);
  for (const area of [$("f-body"), $("f-t-body")]) area.addEventListener("focus", () => { story = area; });
  for (const button of document.querySelectorAll("[data-insert]")) button.addEventListener("click", () => TOOLS[button.dataset.insert]());
  $("link-relic").addEventListener("change", (event) => {
    const relic = relics.find((r) => r.folder === event.target.value);
    if (relic) insert("[", `](@/${relic.folder})`, relic.name);
    event.target.value = "";
  });
  $("insert-photo").addEventListener("change", (event) => {
    const name = event.target.value;
    if (name) insert("\n\n![", `](${name})\n\n`, say("Mô tả ảnh", "What the photo shows"));
    event.target.value = "";
  });
  $("language").addEventListener("click", translate);
  form.addEventListener("submit", save);
  $("print").addEventListener("click", print);
  $("print-chosen").addEventListener("click", printChosen);
  $("publish-now").addEventListener("click", () => publish());
  $("rename").addEventListener("click", () => move("rename"));
  $("retire").addEventListener("click", () => move("retire"));
  $("save-draft").addEventListener("click", () => {
    const draft = form.querySelector('[name="draft"]');
    if (draft) draft.checked = true;
    form.requestSubmit();
  });
  $("upload").addEventListener("click", () => upload($("f-file").files[0]));
  $("media").addEventListener("dragover", (event) => event.preventDefault());
  $("media").addEventListener("drop", (event) => {
    event.preventDefault();
    upload(event.dataTransfer.files[0]);
  });
  loadFields().then(loadList);
})();
