/*
 * Keyboard access to the navigation drawer at phone and tablet widths (WCAG 2.1.1 Keyboard).
 *
 * Material opens its drawer with a <label for="__drawer"> (the menu icon), which a keyboard cannot
 * reach. This makes it a button: Tab reaches it, Enter or Space opens the drawer and moves focus to the
 * first link in it, Escape closes it and returns focus to the button. aria-expanded tells screen
 * readers whether the drawer is open. The stylesheet hides the closed drawer, so Tab no longer walks
 * through links nobody can see. Without JavaScript nothing here runs and Material's drawer is unchanged.
 */
"use strict";

(() => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector('.md-header label[for="__drawer"]');
  const sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !button || !sidebar) {
    return;
  }
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  const showState = () => button.setAttribute("aria-expanded", String(drawer.checked));
  showState();
  drawer.addEventListener("change", showState);

  button.addEventListener("keydown", event => {
    if (event.key !== "Enter" && event.key !== " ") {
      return;
    }
    event.preventDefault();
    button.click();
    if (drawer.checked) {
      const first = sidebar.querySelector("a[href], label[tabindex]");
      if (first) {
        first.focus();
      }
    }
  });

  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && drawer.checked) {
      button.click();
      button.focus();
    }
  });
})();
