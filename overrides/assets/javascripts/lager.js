/*
 * Material 9.8.1's partials/javascripts/base.html as a file the browser caches, instead of inline in
 * every page's head (~330 bytes a page): where Material's JavaScript keeps its settings in localStorage
 * (the chosen light/dark palette among them). Material writes the site's address into each page
 * (new URL(base_url, location)); this file lies at <site>/assets/javascripts/, so the site is two folders
 * up from its own address. Keep in step with Material (overrides/partials/javascripts/base.html).
 */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
