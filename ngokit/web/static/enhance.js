// Small enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  // Move to the list of problems, so that a screen reader reads it first.
  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }
  // Say that the kit is being built, and keep a second press from sending the form again.
  document.querySelectorAll("button[data-busy]").forEach(function (button) {
    button.form.addEventListener("submit", function () {
      button.textContent = button.getAttribute("data-busy");
      button.disabled = true;
    });
  });
});
