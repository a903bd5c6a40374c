// Progressive enhancement only: every page works without this file.
// Turns <div data-print-button="label"> into a button that opens the browser's print dialog.
document.querySelectorAll("[data-print-button]").forEach(function (slot) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = slot.getAttribute("data-print-button");
  button.addEventListener("click", function () { window.print(); });
  slot.appendChild(button);
});
