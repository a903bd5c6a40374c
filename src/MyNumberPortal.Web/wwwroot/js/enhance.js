// Progressive enhancement only: every page works without this file.
// Turns <div data-print-button="label"> into a button that opens the browser's print dialog; again after each of
// Blazor's enhanced navigations (which replace the page's content without running this file again).
(function () {
  function printButtons() {
    document.querySelectorAll("[data-print-button]").forEach(function (slot) {
      if (slot.querySelector("button")) {
        return;
      }

      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = slot.getAttribute("data-print-button");
      button.addEventListener("click", function () { window.print(); });
      slot.appendChild(button);
    });
  }

  // After an enhanced navigation the page starts where a new page would: at the top (unless the address names a part
  // of the page, which Blazor has scrolled to), with the keyboard and the screen reader at the error summary if the
  // page has one, else at the main content (the skip link's target).
  function focusNewPage() {
    if (location.hash.length > 1) {
      return;
    }

    window.scrollTo(0, 0);
    var target = document.querySelector(".error-summary") || document.getElementById("main");
    if (target) {
      target.focus({ preventScroll: true });
    }
  }

  printButtons();
  if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
    window.Blazor.addEventListener("enhancedload", function () {
      printButtons();
      focusNewPage();
    });
  }
})();
