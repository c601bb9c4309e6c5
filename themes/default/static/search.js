// The guide's search: offline, blind to diacritics and case. The index is cut into files by
// the first three letters of each word (search/den.json); a query loads the file of its
// longest word, or for a word of one or two letters the files whose names begin with it.
// Folding must match the build's (src/guide/search.rs): decompose, drop the marks, đ → d,
// lower case, anything but letters and digits splits words.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  var base = form.getAttribute("data-index");
  var english = form.getAttribute("data-lang") !== form.getAttribute("data-default-lang");
  var files = {};
  var keys = null;
  var asked = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function load(name) {
    if (!files[name]) {
      files[name] = fetch(base + name + ".json").then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return files[name];
  }

  function filesFor(word) {
    if (word.length >= 3) return Promise.resolve([word.slice(0, 3)]);
    keys = keys || load("index");
    return keys.then(function (all) {
      return all.filter(function (k) { return k.indexOf(word) === 0; }).slice(0, 40);
    });
  }

  function show(found) {
    list.textContent = "";
    var text = found.length
      ? status.getAttribute("data-found").replace("{count}", found.length)
      : status.getAttribute("data-none");
    status.textContent = text;
    found.slice(0, 50).forEach(function (entry) {
      var name = english && entry[1] ? entry[1] : entry[0];
      var page = english && entry[4] ? entry[4] : entry[3];
      var item = document.createElement("li");
      item.className = "card";
      var link = document.createElement("a");
      link.href = page;
      var title = document.createElement("span");
      title.className = "card-title";
      title.textContent = name;
      link.appendChild(title);
      item.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.appendChild(document.createTextNode(status.getAttribute("data-commune") + " " + entry[2] + " · "));
      var landing = document.createElement("a");
      landing.href = entry[5];
      landing.textContent = status.getAttribute("data-landing");
      meta.appendChild(landing);
      item.appendChild(meta);
      list.appendChild(item);
    });
  }

  function search() {
    var words = fold(input.value).split(" ").filter(Boolean);
    var ask = ++asked;
    if (!words.length) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    var longest = words.reduce(function (a, b) { return b.length > a.length ? b : a; });
    filesFor(longest).then(function (names) {
      return Promise.all(names.map(load));
    }).then(function (parts) {
      if (ask !== asked) return;
      var seen = {};
      var found = [];
      parts.forEach(function (entries) {
        entries.forEach(function (entry) {
          var own = entry[6].split(" ");
          var all = words.every(function (w) {
            return own.some(function (o) { return o.indexOf(w) === 0; });
          });
          if (all && !seen[entry[3]]) {
            seen[entry[3]] = true;
            found.push(entry);
          }
        });
      });
      show(found);
    }, function () {
      if (ask === asked) show([]);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
})();
