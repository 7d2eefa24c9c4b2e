/*
 * Exit this page: the GOV.UK Design System component's behaviour, in plain JavaScript.
 *
 * - The button and the skip link are ordinary links to the neutral page (data/site.yml), so
 *   they work with no JavaScript at all, and without Material's bundle.
 * - Pressing Shift alone three times within 5 seconds exits. Each press restarts the 5 s
 *   window; any other key resets the count; Shift held as a modifier does not count.
 *   Screen readers hear "Shift, press 2 more times to exit.", "Shift, press 1 more time to
 *   exit." and, on time-out, "Exit this page expired.".
 * - On exit the page is hidden at once under a full-screen overlay announced as "Loading.",
 *   then the browser goes to the neutral page. Coming back (Back, bfcache) removes the overlay.
 * - Listeners sit on the document and look elements up when needed, so the component keeps
 *   working if Material's instant navigation is ever turned on.
 * It does not clear history, cookies or sessions: docs/about/staying-safe-online.md says so.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var MESSAGES = {
    2: "Shift, press 2 more times to exit.",
    1: "Shift, press 1 more time to exit.",
    expired: "Exit this page expired.",
    loading: "Loading."
  };

  var count = 0;
  var timer = null;
  var clearMessageTimer = null;
  var lastKeyWasModified = false;

  function target() {
    var link = document.querySelector("a[data-hub-exit]");
    return link ? link.href : null;
  }

  function say(text) {
    var status = document.querySelector("[data-hub-exit-status]");
    if (status) status.textContent = text;
  }

  function overlay() {
    return document.querySelector(".hub-exit-overlay");
  }

  function exitPage(event) {
    var url = target();
    if (!url) return;
    if (event) event.preventDefault();
    if (!overlay()) {
      var cover = document.createElement("div");
      cover.className = "hub-exit-overlay";
      var message = document.createElement("p");
      message.className = "hub-exit-overlay__message";
      message.setAttribute("role", "status");
      cover.appendChild(message);
      document.body.appendChild(cover);
      message.textContent = MESSAGES.loading;
    }
    document.documentElement.classList.add("hub-exit-active");
    say(MESSAGES.loading);
    window.location.href = url;
  }

  function stopTimer() {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
  }

  function reset() {
    stopTimer();
    count = 0;
  }

  function expire() {
    reset();
    say(MESSAGES.expired);
    clearMessageTimer = window.setTimeout(function () { say(""); }, WINDOW_MS);
  }

  function onKeyUp(event) {
    var isShift = event.key === "Shift" || event.keyCode === 16;
    if (isShift && !lastKeyWasModified) {
      count += 1;
      if (clearMessageTimer !== null) window.clearTimeout(clearMessageTimer);
      clearMessageTimer = null;
      stopTimer();
      if (count >= PRESSES) {
        count = 0;
        exitPage(null);
      } else {
        say(MESSAGES[PRESSES - count]);
        timer = window.setTimeout(expire, WINDOW_MS);
      }
    } else if (!isShift && (count > 0 || timer !== null)) {
      reset();
      say("");
    }
    // A key released while Shift is held (Shift used as a modifier) spoils the next Shift.
    lastKeyWasModified = event.shiftKey;
  }

  function onClick(event) {
    var link = event.target.closest && event.target.closest("a[data-hub-exit]");
    if (link) exitPage(event);
  }

  function onKeyDown(event) {
    // role="button" links also answer the Space bar, as buttons do.
    if (event.key !== " ") return;
    var link = event.target.closest && event.target.closest("a[data-hub-exit][role=button]");
    if (link) exitPage(event);
  }

  function onPageShow() {
    var cover = overlay();
    if (cover) cover.parentNode.removeChild(cover);
    document.documentElement.classList.remove("hub-exit-active");
    reset();
    say("");
  }

  function moveSkipLinkFirst() {
    // The Exit this page skip link comes before every other skip link.
    var skip = document.querySelector(".hub-exit-skip");
    if (skip && document.body.firstElementChild !== skip) {
      document.body.insertBefore(skip, document.body.firstChild);
    }
  }

  document.addEventListener("keyup", onKeyUp, true);
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("click", onClick, true);
  window.addEventListener("pageshow", onPageShow);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", moveSkipLinkFirst);
  } else {
    moveSkipLinkFirst();
  }
})();
