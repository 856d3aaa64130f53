/* Loaded without defer in <head>: tells portal.css that JavaScript runs, before the
   first paint. Without the class the header shows its menu inline (no-JavaScript
   layout); setting it later, from a deferred script, made the page jump on phones. */
document.documentElement.classList.add("js");
