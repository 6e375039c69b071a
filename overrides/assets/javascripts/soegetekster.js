/*
 * The search texts of Material's settings (the "translations" of <script id="__config">), from a file the
 * browser caches instead of in every page (~430 bytes a page, 0.7 MB at 1,000 activities). main.html's
 * config block loads this right after the page's own settings and before Material's bundle.js, which
 * reads them once when it starts. The texts are Material 9.8.1's Danish ones (partials/languages/da.html;
 * tests/site/test_chrome_stays_small.py checks that they still are): the site is Danish only.
 */
(() => {
  const element = document.getElementById("__config");
  const settings = JSON.parse(element.textContent);
  settings.translations = {
    "search.result.placeholder": "Indtast søgeord",
    "search.result.none": "Ingen resultater fundet",
    "search.result.one": "1 resultat",
    "search.result.other": "# resultater",
    "search.result.more.one": "1 resultat mere på denne side",
    "search.result.more.other": "# resultater mere på denne side",
    "search.result.term.missing": "Mangler",
  };
  element.textContent = JSON.stringify(settings);
})();
