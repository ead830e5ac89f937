// Search suggestions under the search box (site_core/search_results.html); a file, not an
// inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
    "use strict";
    var input = document.getElementById("search-q");
    var list = document.getElementById("search-suggestions");
    if (!input || !list || !window.fetch) { return; }
    var timer = null;
    var last = "";
    function clear() { list.textContent = ""; list.hidden = true; }
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            var q = input.value.trim();
            if (q.length < 2) { last = ""; clear(); return; }
            if (q === last) { return; }
            last = q;
            fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"}})
                .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                .then(function (data) {
                    if (q !== last) { return; }
                    list.textContent = "";
                    (data.suggestions || []).forEach(function (item) {
                        var li = document.createElement("li");
                        var link = document.createElement("a");
                        link.href = item.url;
                        link.textContent = (item.number_symbol ? item.number_symbol + " – " : "") + item.title;
                        var type = document.createElement("span");
                        type.className = "muted";
                        type.textContent = " (" + item.type_label + ")";
                        li.appendChild(link);
                        li.appendChild(type);
                        list.appendChild(li);
                    });
                    list.hidden = !list.children.length;
                })
                .catch(clear);
        }, 200);
    });
    input.addEventListener("keydown", function (event) { if (event.key === "Escape") { clear(); } });
}());
