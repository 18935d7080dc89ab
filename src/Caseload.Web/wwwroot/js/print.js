// The "Print" button on a letter: the browser's print dialog (the print style sheet leaves only the letter).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
