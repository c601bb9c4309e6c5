(function () {
  var pages = JSON.parse(document.getElementById("pages").textContent), wanted = [];
  try { wanted.push(localStorage.getItem("ditich-lang")); } catch (e) {}
  wanted = wanted.concat(navigator.languages || [navigator.language]);
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i] || "").slice(0, 2).toLowerCase();
    if (pages[code]) { location.replace(pages[code]); return; }
  }
})();
