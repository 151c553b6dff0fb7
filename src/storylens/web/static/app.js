// "New since your last visit" without accounts: the newest date seen is kept in this browser only.
(function () {
  "use strict";
  var body = document.body;
  var newest = body.getAttribute("data-newest");
  if (!newest || !window.localStorage) { return; }
  var key = "storylens.lastSeen";
  var last = null;
  try { last = window.localStorage.getItem(key); } catch (e) { return; }
  var slot = document.getElementById("since-last-visit");
  if (slot && last && /^\d{4}-\d{2}-\d{2}$/.test(last) && location.search.indexOf("since=") < 0) {
    var a = document.createElement("a");
    a.href = "?since=" + encodeURIComponent(last);
    a.textContent = "What is new since your last visit (" + last + ")";
    slot.appendChild(a);
  }
  try { window.localStorage.setItem(key, newest); } catch (e) { /* private mode: nothing kept */ }
}());
