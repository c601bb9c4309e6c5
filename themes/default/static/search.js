// The guide's search: offline, blind to diacritics and case. search/index.json lists groups
// of words, each with the numbered files of the relics that have such a word; a query loads
// the files of its rarest word, and keeps the relics that have every word it typed.
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
  // The index holds each relic's name and page in its commune's language and in English.
  var english = form.getAttribute("data-lang") === "en";
  // The most relics shown, and the most files a one-word query reads to find them.
  var SHOWN = 50;
  var FILES = 8;
  var files = {};
  var contents = null;
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
      }).catch(function (error) {
        // Not kept: the next query asks again, once the connection is back.
        delete files[name];
        throw error;
      });
    }
    return files[name];
  }

  // The groups whose words may begin with `word`: a group of the words beginning with a
  // prefix of it, or any group under it.
  function groupsFor(word, groups) {
    return groups.filter(function (g) {
      var key = g[0];
      return (!g[1] && word.indexOf(key) === 0) || key.indexOf(word) === 0;
    });
  }

  function show(found, more) {
    list.textContent = "";
    var text = !found.length ? status.getAttribute("data-none")
      : (more ? status.getAttribute("data-more") : status.getAttribute("data-found")).replace("{count}", found.length);
    status.textContent = text;
    var names = contents ? contents.communes : [];
    found.slice(0, SHOWN).forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "card";
      var link = document.createElement("a");
      link.href = english && entry[4] ? entry[4] : entry[3];
      var title = document.createElement("span");
      title.className = "card-title";
      title.textContent = english && entry[1] ? entry[1] : entry[0];
      link.appendChild(title);
      item.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.appendChild(document.createTextNode(status.getAttribute("data-commune") + " " + names[entry[2]] + " · "));
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
    load("index").then(function (index) {
      contents = index;
      // The rarest word: the one whose groups hold the fewest relics.
      var best = null;
      words.forEach(function (word) {
        var groups = groupsFor(word, index.groups);
        var count = groups.reduce(function (sum, g) { return sum + g[2]; }, 0);
        if (!best || count < best.count) best = { groups: groups, count: count };
      });
      var numbers = [];
      best.groups.forEach(function (g) { numbers = numbers.concat(g[3]); });
      var more = words.length === 1 && numbers.length > FILES;
      if (more) numbers = numbers.slice(0, FILES);
      return Promise.all(numbers.map(load)).then(function (parts) { return { parts: parts, more: more }; });
    }).then(function (loaded) {
      if (ask !== asked) return;
      var names = contents.communes;
      var seen = {};
      var found = [];
      loaded.parts.forEach(function (entries) {
        entries.forEach(function (entry) {
          if (seen[entry[3]]) return;
          var own = fold(entry[0] + " " + entry[1] + " " + entry[6] + " " + names[entry[2]]).split(" ");
          var all = words.every(function (w) {
            return own.some(function (o) { return o.indexOf(w) === 0; });
          });
          if (all) {
            seen[entry[3]] = true;
            found.push(entry);
          }
        });
      });
      show(found, loaded.more);
    }, function () {
      if (ask !== asked) return;
      list.textContent = "";
      status.textContent = status.getAttribute("data-failed");
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
