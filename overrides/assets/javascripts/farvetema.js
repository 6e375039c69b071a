/*
 * Material 9.8.1's partials/javascripts/palette.html as a file the browser caches, instead of inline in
 * every page's header (~640 bytes a page): a reader's chosen light or dark palette is set on <body> before
 * the page is drawn (the script is loaded, not deferred, right after the palette toggle). Unchanged
 * otherwise; keep in step with Material (overrides/partials/javascripts/palette.html).
 */
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
