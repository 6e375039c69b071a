// Lighthouse 12 (mobile, its default) on a few pages of a site served on 127.0.0.1, in one Chromium.
//
// Run by tests/browser/test_lighthouse.py, which serves the site and checks the scores:
//   node tests/browser/lighthouse.mjs OUT.json URL...
// CHROME_PATH names the browser (Debian's /usr/bin/chromium); the flags stop Chromium's own requests
// (updates, sync, field trials), as the browser suite's do (tests/browser/kit.py). Lighthouse itself sends
// nothing anywhere: no error reporting, no update check. For each URL OUT.json holds the four category
// scores and, per category, the audits that did not pass.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [out, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--no-default-browser-check",
  ],
});
const results = [];
try {
  for (const url of urls) {
    const run = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      // The scores need no screenshots, and a page served from 127.0.0.1 is quiet long before the
      // default 1 s waits end (performance is simulated from the trace: the waits do not change it).
      disableFullPageScreenshot: true,
      skipAboutBlank: true,
      pauseAfterFcpMs: 250,
      pauseAfterLoadMs: 250,
      networkQuietThresholdMs: 250,
      cpuQuietThresholdMs: 250,
    });
    const lhr = run.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
    // Every audit that did not pass, by category: also those a category weighs 0 (Lighthouse 12 scored
    // accessibility 100 with aria-allowed-role failing).
    const failed = {};
    for (const [id, category] of Object.entries(lhr.categories)) {
      failed[id] = category.auditRefs
        .map(ref => lhr.audits[ref.id])
        .filter(a => a.score !== null && a.score < 1 && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode))
        .map(a => ({ id: a.id, score: a.score, shown: a.displayValue || "" }));
    }
    results.push({ url, scores, failed, runtimeError: lhr.runtimeError ? lhr.runtimeError.message : "" });
  }
} finally {
  await chrome.kill();
}
writeFileSync(out, JSON.stringify(results, null, 1));
