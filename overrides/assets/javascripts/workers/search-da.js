/*
 * Danish word forms for Material's site search (a wrapper around Material's own search worker).
 *
 * Material 9.8 searches by prefix: every word typed becomes `word*`, which skips lunr's stemmer, so
 * "forebyggende" never finds "forebyggelse" and "indsatser" misses "indsats". This wrapper replaces each
 * plain word of a query by its Danish Snowball stem (lunr.da, which Material loads for `lang: da`)
 * before Material adds the `*`: "forebyggende" -> "forebyg*" finds forebyggelse, forebyggende and
 * forebygge. A Danish stem is always a prefix of its word, so this finds everything the plain prefix
 * search finds, and more. Words with lunr syntax (field:, *, ~, ^, quotes) are left as typed.
 *
 * overrides/main.html points Material's worker setting here, with Material's own worker file in
 * `?material=`; this script loads it after wrapping its message listener. Without JavaScript there
 * is no search at all, so nothing here affects reading the site.
 */
"use strict";

const SEARCH_QUERY = 2;  // Material's message type for "run this query"

function stemWord(word) {
  const lower = word.toLowerCase();
  if (!self.lunr || !self.lunr.da || !/^\p{L}+$/u.test(lower)) {
    return word;
  }
  return self.lunr.da.stemmer(lower);
}

function isStopWord(part) {
  const word = part.toLowerCase();
  return /^\p{L}+$/u.test(word) && self.lunr && self.lunr.da && !self.lunr.da.stopWordFilter(word);
}

function danishQuery(query) {
  const parts = query.trim().split(/\s+/);
  const kept = parts.filter(part => !isStopWord(part));
  return (kept.length ? kept : parts).map(part => (
    /[:*~^"]/.test(part) ? part : part.replace(/\p{L}+/gu, stemWord)
  )).join(" ");
}

const listen = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) => {
  if (type !== "message") {
    return listen(type, listener, options);
  }
  return listen(type, event => {
    const message = event.data;
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      return listener({ data: { type: SEARCH_QUERY, data: danishQuery(message.data) } });
    }
    return listener(event);
  }, options);
};

const material = new URL(self.location.href).searchParams.get("material") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
  throw new Error(`search-da.js: unexpected Material worker '${material}'`);
}
importScripts(material);
