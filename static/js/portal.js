/* Holbæk lokalportal: progressive enhancement only. Every page works without it. */
(function () {
  "use strict";

  // Lets portal.css tell "no JavaScript" apart: without this class the header
  // shows its menu inline instead of behind the mobile menu button.
  document.documentElement.classList.add("js");

  function init() {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
