// The kiosk shows one relic at a time, moving on by itself: public boards get no input.
(function () {
  "use strict";
  var slides = document.querySelectorAll(".slide");
  var current = 0;
  if (slides.length < 2) return;
  setInterval(function () {
    slides[current].classList.remove("active");
    current = (current + 1) % slides.length;
    slides[current].classList.add("active");
  }, 12000);
})();
