// The reflection editor (reflection/editor.jte). Without this script the page is a plain form with
// a text field; with it, the field gives way to a formatted-text editor with a toolbar, a live
// word count and autosave. Runs under the tool's Content-Security-Policy (script-src 'self'): no
// inline code, no eval, no inline styles. The server sanitises whatever is sent; this script only
// keeps pasted content plain so that what the student sees is what will be kept.
(function () {
  "use strict";
  var form = document.getElementById("reflection-form");
  var editor = document.getElementById("editor");
  if (!form || !editor || typeof document.execCommand !== "function") {
    return; // the plain form stays
  }
  var source = document.getElementById("reflection-source");
  var wordCount = document.getElementById("word-count");
  var saveState = document.getElementById("save-state");
  var linkForm = form.querySelector(".link-form");
  var linkInput = document.getElementById("link-url");
  var linkError = form.querySelector(".link-error");
  var token = form.elements.s.value;
  var autosaveUrl = form.getAttribute("data-autosave");
  // the stored draft's version this editor's text is based on; a save from an older one is a 409
  var base = form.getAttribute("data-version") || "";
  var conflict = false; // the draft was changed in another window: no more autosaves here
  var min = parseInt(form.getAttribute("data-min"), 10);
  var max = parseInt(form.getAttribute("data-max"), 10);
  var AUTOSAVE_MS = 4000;

  form.querySelector(".editor-wrap").hidden = false;
  form.querySelector(".source-wrap").hidden = true;
  document.execCommand("defaultParagraphSeparator", false, "p");
  document.execCommand("styleWithCSS", false, false);

  function text(name, value) {
    return (form.getAttribute("data-t-" + name) || "").replace("{0}", value);
  }

  // Counted as the server counts (reflection.WordCount): runs of non-space with a letter or digit.
  function countWords() {
    var words = (editor.innerText || "").split(/[\s\u00a0]+/);
    var n = 0;
    for (var i = 0; i < words.length; i++) {
      if (/[\p{L}\p{N}]/u.test(words[i])) {
        n++;
      }
    }
    return n;
  }

  function showCount() {
    var n = countWords();
    wordCount.querySelector(".count").textContent = text("words", n.toLocaleString(document.documentElement.lang));
    if (isNaN(min) || isNaN(max)) {
      return;
    }
    var state = n < min ? "short" : n > max ? "long" : "in";
    if (wordCount.getAttribute("data-state") !== state) { // announced only when it changes
      wordCount.setAttribute("data-state", state);
      wordCount.querySelector(".range-state").textContent =
          state === "short" ? text("short", min) : state === "long" ? text("long", max) : text("in", "");
    }
  }

  // --- the toolbar -------------------------------------------------------------------------
  var commands = {
    paragraph: function () { document.execCommand("formatBlock", false, "p"); },
    bold: function () { document.execCommand("bold"); },
    italic: function () { document.execCommand("italic"); },
    bulleted: function () { document.execCommand("insertUnorderedList"); },
    numbered: function () { document.execCommand("insertOrderedList"); },
    quote: function () { document.execCommand("formatBlock", false, "blockquote"); },
    link: openLinkForm
  };
  var savedRange = null;

  function run(name) {
    editor.focus();
    commands[name]();
    changed();
    updatePressed();
  }

  function updatePressed() {
    ["bold", "italic"].forEach(function (name) {
      var button = form.querySelector("[data-command=" + name + "]");
      var on = false;
      try {
        on = document.queryCommandState(name);
      } catch (e) { /* not supported: leave it unpressed */ }
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  form.querySelectorAll("[data-command]").forEach(function (button) {
    button.addEventListener("mousedown", function (e) { e.preventDefault(); }); // keep the selection
    button.addEventListener("click", function () { run(button.getAttribute("data-command")); });
  });

  // Arrow keys move along the toolbar, as in any toolbar widget.
  var toolbar = form.querySelector("[role=toolbar]");
  toolbar.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") {
      return;
    }
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    var i = buttons.indexOf(document.activeElement);
    var forward = (e.key === "ArrowRight") !== (document.documentElement.dir === "rtl");
    buttons[(i + (forward ? 1 : buttons.length - 1)) % buttons.length].focus();
    e.preventDefault();
  });

  function openLinkForm() {
    var selection = window.getSelection();
    savedRange = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    linkForm.hidden = false;
    linkError.textContent = "";
    linkInput.value = "https://";
    linkInput.focus();
  }

  function escape(value) {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function closeLinkForm() {
    linkForm.hidden = true;
    editor.focus();
    if (savedRange) {
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }
  }

  function addLink() {
    var url = linkInput.value.trim();
    if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) {
      linkError.textContent = text("link-invalid", "");
      linkInput.focus();
      return;
    }
    closeLinkForm();
    if (savedRange && !savedRange.collapsed) {
      document.execCommand("createLink", false, url);
    } else {
      // no text chosen: the address itself becomes the link's text
      document.execCommand("insertHTML", false, "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>&nbsp;");
    }
    changed();
  }

  form.querySelector("[data-link=add]").addEventListener("click", addLink);
  form.querySelector("[data-link=cancel]").addEventListener("click", closeLinkForm);
  linkInput.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      addLink();
    } else if (e.key === "Escape") {
      e.preventDefault();
      closeLinkForm();
    }
  });

  editor.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K")) {
      e.preventDefault();
      openLinkForm();
    }
  });

  // Pasted content arrives as plain text: no markup from elsewhere enters the editor.
  editor.addEventListener("paste", function (e) {
    var data = e.clipboardData || window.clipboardData;
    if (!data) {
      return;
    }
    e.preventDefault();
    document.execCommand("insertText", false, data.getData("text/plain") || "");
  });
  editor.addEventListener("drop", function (e) { e.preventDefault(); });

  // --- saving ------------------------------------------------------------------------------
  var lastSaved = editor.innerHTML;
  var lastVisibility = visibility();
  var saving = false;

  function visibility() {
    var checked = form.querySelector("input[name=visibility]:checked");
    return checked ? checked.value : "";
  }

  function body() {
    var params = new URLSearchParams();
    params.set("html", editor.innerHTML);
    params.set("visibility", visibility());
    if (base !== "" && !saving) {
      params.set("base", base); // while a save of this editor is under way, this one follows it: the last text wins
    }
    return params;
  }

  function dirty() {
    return editor.innerHTML !== lastSaved || visibility() !== lastVisibility;
  }

  // data-save-state on the form: "saved" once the server holds what the editor shows
  function markState() {
    form.setAttribute("data-save-state", dirty() ? "unsaved" : "saved");
  }

  function changed() {
    showCount();
    markState();
  }

  function autosave() {
    if (saving || conflict || !dirty()) {
      return;
    }
    var params = body();
    saving = true;
    var html = editor.innerHTML;
    var chosen = visibility();
    saveState.textContent = text("saving", "");
    fetch(autosaveUrl, {
      method: "POST",
      headers: {"X-SomeWork-Session": token, "Accept": "application/json"},
      body: params,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.status === 409) {
          conflict = true; // keep the text on screen so the writer can copy it
          saveState.textContent = answer.message || String(response.status);
          form.setAttribute("data-save-state", "conflict");
          return;
        }
        if (!response.ok) {
          throw new Error(answer.message || String(response.status));
        }
        if (answer.version !== undefined) {
          base = String(answer.version);
        }
        lastSaved = html;
        lastVisibility = chosen;
        markState();
        saveState.textContent = text("saved", "") + (answer.savedAt ? " " + answer.savedAt : "");
        var status = document.querySelector("[data-fact=reflection-status]");
        if (status && answer.statusText) {
          status.textContent = answer.statusText;
        }
      });
    }).catch(function (error) {
      var reason = error && error.message && !/fetch|network|JSON/i.test(error.message) ? error.message : text("offline", "");
      saveState.textContent = text("not-saved", reason);
    }).then(function () {
      saving = false;
    });
  }

  // On leaving (tab hidden, page closed or reloaded): one last save that outlives the page.
  function saveOnLeaving() {
    if (conflict || !dirty()) {
      return;
    }
    var params = body();
    if (params.toString().length > 60000) {
      return; // over what a keepalive request may carry; the periodic save has the rest
    }
    fetch(autosaveUrl, {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: {"X-SomeWork-Session": token, "Accept": "application/json"}, body: params
    }).catch(function () { /* the page is going away */ });
    lastSaved = editor.innerHTML;
    lastVisibility = visibility();
  }

  editor.addEventListener("input", changed);
  document.addEventListener("selectionchange", function () {
    if (document.activeElement === editor) {
      updatePressed();
    }
  });
  form.querySelectorAll("input[name=visibility]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      markState();
      autosave();
    });
  });
  setInterval(autosave, AUTOSAVE_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      saveOnLeaving();
    }
  });
  window.addEventListener("pagehide", saveOnLeaving);

  // Save and Submit post the form as without the script: the editor's HTML goes in the text field.
  form.addEventListener("submit", function () {
    source.value = editor.innerHTML;
    lastSaved = editor.innerHTML; // the form itself saves; no autosave on the way out
    lastVisibility = visibility();
  });

  showCount();
  markState();
})();
