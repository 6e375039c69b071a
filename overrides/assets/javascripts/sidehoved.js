{#-
  The header's light/dark toggle and search dialog, written once for the whole site instead of into every
  page (~2 kB a page; a static template, listed in mkdocs.yml's theme: static_templates). Both work only
  with JavaScript (Material's CSS hides them from a page without it), so a script that puts them in place
  loses nothing. partials/header.html loads this file, not deferred, at the end of the header; it puts the
  palette form before the search button and the search dialog after it, where Material's header has them,
  before Material's bundle (end of <body>) looks for them; then it sets the reader's chosen palette
  (Material's partials/javascripts/palette.html). The markup is the partials' own (partials/palette.html,
  partials/search.html); rendered here, its addresses are relative to this file and are made absolute.
-#}
{%- import "partials/language.html" as lang with context -%}
{%- set features = config.theme.features or [] -%}
{%- set palette -%}
  {%- if config.theme.palette and not config.theme.palette is mapping %}{% include "partials/palette.html" %}{% endif -%}
{%- endset -%}
{%- set search -%}
  {%- if "material/search" in config.plugins and (config.plugins["material/search"] | attr("config")).enabled -%}
    {% include "partials/search.html" %}
  {%- endif -%}
{%- endset -%}
(() => {
  const script = document.currentScript;
  const own = html => html.replace(/\n\s*/g, "\n").replace(
    / (href|src)="(?![a-z]+:|#|\/)([^"]*)"/g, (_, name, url) => ` ${name}="${new URL(url, script.src).href}"`
  );
  const button = script.parentElement.querySelector("label.md-header__button[for='__search']");
  const next = script.parentElement.querySelector(".md-header__option") || button || script;
  next.insertAdjacentHTML("beforebegin", own({{ palette | tojson }}));
  (button || script).insertAdjacentHTML(button ? "afterend" : "beforebegin", own({{ search | tojson }}));
})();
{{ "" }}
{%- if config.theme.palette and not config.theme.palette is mapping -%}
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
{%- endif %}
