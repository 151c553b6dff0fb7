// "New since your last visit" without accounts: what this browser saw is kept in its local storage only.
// The Stories list keeps the newest date seen; a story page keeps the story's version (and size) seen,
// and on the next visit, when the story has grown, links to its update: /stories/ID?since_version=N.
(function () {
  "use strict";
  var body = document.body;
  var store = null;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }

  function get(key) { try { return store.getItem(key); } catch (e) { return null; } }
  function put(key, value) { try { store.setItem(key, value); } catch (e) { /* private mode: nothing kept */ } }

  function storiesList(newest) {
    var key = "storylens.lastSeen";
    var last = get(key);
    var slot = document.getElementById("since-last-visit");
    if (slot && last && /^\d{4}-\d{2}-\d{2}$/.test(last) && location.search.indexOf("since=") < 0) {
      var a = document.createElement("a");
      a.href = "?since=" + encodeURIComponent(last);
      a.textContent = "What is new since your last visit (" + last + ")";
      slot.appendChild(a);
    }
    put(key, newest);
  }

  function seenOf(id) {
    try { return JSON.parse(get("storylens.seen." + id) || "null"); } catch (e) { return null; }
  }

  // a story of the list that grew since this browser showed it: a link to what is new in it
  function markGrown() {
    var rows = document.querySelectorAll("ol.stories li[data-story]");
    for (var i = 0; i < rows.length; i++) {
      var seen = seenOf(rows[i].getAttribute("data-story"));
      var version = parseInt(rows[i].getAttribute("data-version") || "", 10);
      var title = rows[i].querySelector(".title");
      if (!title || !seen || typeof seen.version !== "number" || isNaN(version) || seen.version >= version) { continue; }
      var a = document.createElement("a");
      a.className = "grown";
      a.href = "/stories/" + encodeURIComponent(rows[i].getAttribute("data-story")) +
        "?since_version=" + encodeURIComponent(String(seen.version));
      a.textContent = "new since your last visit";
      title.appendChild(document.createTextNode(" "));
      title.appendChild(a);
    }
  }

  function storyPage(id, version, size) {
    var key = "storylens.seen." + id;
    var seen = seenOf(id);
    var slot = document.getElementById("since-last-visit");
    var showing = body.hasAttribute("data-since-version");
    if (slot && !showing && seen && typeof seen.version === "number" && seen.version < version) {
      var grown = typeof seen.size === "number" ? size - seen.size : 0;
      var a = document.createElement("a");
      a.id = "new-since-link";
      a.href = "?since_version=" + encodeURIComponent(String(seen.version));
      a.textContent = "What is new since your last visit (version " + seen.version + ")";
      slot.textContent = grown > 0 ? grown + (grown === 1 ? " article has" : " articles have") +
        " joined this story since your last visit. " : "This story has changed since your last visit. ";
      slot.appendChild(a);
      slot.hidden = false;
    }
    put(key, JSON.stringify({version: version, size: size}));
  }

  var newest = body.getAttribute("data-newest");
  if (newest) { storiesList(newest); }
  markGrown();
  var story = body.getAttribute("data-story");
  var version = parseInt(body.getAttribute("data-version") || "", 10);
  if (story && !isNaN(version)) { storyPage(story, version, parseInt(body.getAttribute("data-size") || "0", 10)); }
}());
