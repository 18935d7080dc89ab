// The reference's live character count: UCAS counts the whole reference — the centre's statement (fixed, counted on the
// server) and the sections the tutor writes — spaces and line breaks included, a line break as one character.
const box = document.querySelector('[data-reference-count]');
if (box) {
  const limit = Number(box.dataset.limit);
  const fixed = Number(box.dataset.fixed);
  const total = box.querySelector('[data-reference-total]');
  const sections = [...box.querySelectorAll('[data-reference-section]')];
  const count = () => {
    const n = fixed + sections.reduce((sum, s) => sum + s.value.replace(/\r\n/g, '\n').trim().length, 0);
    total.textContent = n <= limit
      ? `${n.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters (${(limit - n).toLocaleString('en-GB')} left)`
      : `${n.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters: ${(n - limit).toLocaleString('en-GB')} too many`;
    total.classList.toggle('govuk-error-message', n > limit);
  };
  sections.forEach((s) => s.addEventListener('input', count));
  count();
}
