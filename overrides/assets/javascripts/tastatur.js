/*
 * Keyboard access to the navigation drawer at phone and tablet widths (WCAG 2.1.1 Keyboard).
 *
 * Material opens its drawer with a <label for="__drawer"> (the menu icon), which a keyboard cannot
 * reach. The header (overrides/partials/header.html) also holds a real <button>, hidden until this
 * script shows it; the stylesheet then hides the label. Tab reaches the button, Enter or Space opens
 * the drawer and moves focus to the first link in it, Escape closes it and returns focus to the button.
 * aria-expanded tells screen readers whether the drawer is open. The stylesheet hides the closed drawer,
 * so Tab no longer walks through links nobody can see. Without JavaScript nothing here runs, and the
 * label opens Material's drawer as before (plain CSS).
 */
"use strict";

(() => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector(".md-header button.strategi-menu");
  const sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !sidebar) {
    return;
  }
  button.hidden = false;
  const showState = () => button.setAttribute("aria-expanded", String(drawer.checked));
  showState();
  drawer.addEventListener("change", showState);

  button.addEventListener("click", () => {
    drawer.click(); // toggles the checkbox and fires "change", which Material listens to
    if (drawer.checked) {
      const first = sidebar.querySelector("a[href], label[tabindex]");
      if (first) {
        first.focus({ preventScroll: true });
      }
    }
  });

  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
})();
