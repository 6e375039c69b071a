/*
 * Catalogue mode's search: Material's own search box, answered by Pagefind over every strategy.
 *
 * In catalogue mode (python -m macros katalog) each strategy is its own sub-site, and one Pagefind index
 * at the catalogue's root (pagefind/, made by `katalog saml`, which also copies this file to the root)
 * covers all their pages. overrides/partials/katalog-soeg.html points Material's search worker here
 * instead of at Material's lunr worker, on the hub and on every sub-site. The worker speaks Material's
 * worker messages: setup -> ready, query -> result, a list of result groups (a page and its best
 * sections), each with location, title and text (HTML: Pagefind's excerpt with <mark>); a page's title
 * names its strategy (katalog-soeg.json, written by `katalog saml`). Everything is fetched from the
 * catalogue itself, and only at the first query; Pagefind then loads only the index chunks for the words
 * typed and the fragments of the pages it shows.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's message types
const PAGES = 20;  // result groups fetched per query (Pagefind loads one fragment per page shown)
const SECTIONS = 3;  // sections shown under a page

// This file sits at the catalogue's root, beside pagefind/.
const root = new URL("./", self.location.href);
let pagefind = null;
let names = null;  // sub-site folder -> "title · kommune" of its strategy (katalog-soeg.json, by `katalog saml`)
let latest = 0;

async function engine() {
  if (pagefind === null) {
    const [loaded, listed] = await Promise.all([
      import(new URL("pagefind/pagefind.js", root).href),
      fetch(new URL("katalog-soeg.json", root)).then(answer => (answer.ok ? answer.json() : {})),
    ]);
    await loaded.options({ baseUrl: root.pathname });
    await loaded.init();
    names = listed.strategier || {};
    pagefind = loaded;
  }
  return pagefind;
}

// Every page of the catalogue belongs to one strategy's sub-site: <root>/<folder>/…
function strategyOf(url) {
  const path = new URL(url, root).pathname;
  const folder = path.startsWith(root.pathname) ? path.slice(root.pathname.length).split("/")[0] : "";
  return names[folder] || "";
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function terms(query) {
  return Object.fromEntries(query.toLowerCase().split(/\s+/).filter(Boolean).map(word => [word, true]));
}

function group(page, score, words) {
  // Titles repeat across strategies ("Indsats 1: …"): a page's result names its strategy.
  const strategy = strategyOf(page.url);
  const own = escape(page.meta && page.meta.title ? page.meta.title : page.url);
  const title = strategy ? `${own} <small>· ${escape(strategy)}</small>` : own;
  const first = { location: page.url, title, text: page.excerpt, score, terms: words };
  const sections = (page.sub_results || [])
    .filter(section => section.url !== page.url && section.url.includes("#"))
    .slice(0, SECTIONS)
    .map(section => ({ location: section.url, title: escape(section.title), text: section.excerpt, score, terms: words }));
  return [first, ...sections];
}

async function search(query, asked) {
  const found = query.trim() ? await (await engine()).search(query) : null;
  const hits = found ? found.results.slice(0, PAGES) : [];
  const pages = await Promise.all(hits.map(hit => hit.data()));
  if (asked !== latest) {
    return;  // a newer query is on its way: its answer is the one to show
  }
  const words = terms(query);
  const items = pages.map((page, n) => group(page, hits[n].score, words));
  self.postMessage({ type: RESULT, data: { items } });
}

self.addEventListener("message", event => {
  const message = event.data || {};
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY && typeof message.data === "string") {
    latest += 1;
    search(message.data, latest).catch(error => {
      self.postMessage({ type: RESULT, data: { items: [] } });
      throw error;
    });
  }
});
