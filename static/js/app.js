// The few lines htmx cannot do by itself: say so when a request fails, instead of doing nothing.
(function () {
  "use strict";
  function showProblem(message) {
    var region = document.getElementById("request-problem");
    if (!region) { return; }
    region.textContent = message;
    region.hidden = false;
  }
  function clearProblem() {
    var region = document.getElementById("request-problem");
    if (region) { region.hidden = true; region.textContent = ""; }
  }
  document.addEventListener("htmx:beforeRequest", clearProblem);
  document.addEventListener("htmx:responseError", function (event) {
    var region = document.getElementById("request-problem");
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var template = region ? region.getAttribute("data-server-error") : "";
    showProblem(template.replace("{status}", String(status)));
  });
  document.addEventListener("htmx:sendError", function () {
    var region = document.getElementById("request-problem");
    showProblem(region ? region.getAttribute("data-network-error") : "");
  });
  // A lazy section (templates/_lazy.html) is no longer busy once its content has arrived.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("lazy")) {
      target.removeAttribute("aria-busy");
    }
  });
  // A select or date input marked data-autosubmit submits its form when changed (no inline JS).
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit();
    }
  });
})();
