// The data-drop sheet saves each student's row as soon as it changes, so a teacher can work down a class from the
// keyboard and lose nothing if they stop. Without scripts the "Save grades" button saves every row.
const form = document.querySelector('[data-sheet]');
if (form) {
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const counter = document.querySelector('[data-entered]');
  const count = () => {
    counter.textContent = String([...form.querySelectorAll('[data-field="Grade"]')].filter(s => s.value.trim() !== '').length);
  };
  // A grade typed in any case ("a*", "merit") is shown as the scale writes it, as the server saves it.
  const grades = [...document.querySelectorAll('#scale-grades option')].map(o => o.value);
  const canonical = (typed) => grades.find(g => g.toLowerCase() === typed.trim().toLowerCase()) ?? typed;
  // One save at a time per row: a change made while the row is being saved is sent after it, with the row's latest
  // values, so a slow first save can never land after (and undo) a later one.
  const busy = new WeakSet();
  const waiting = new WeakSet();
  const save = async (row) => {
    if (busy.has(row)) {
      waiting.add(row);
      return;
    }
    busy.add(row);
    try {
      await send(row);
    } finally {
      busy.delete(row);
    }
    if (waiting.has(row)) {
      waiting.delete(row);
      await save(row);
    }
  };
  const send = async (row) => {
    const status = row.querySelector('[data-status]');
    const typed = row.querySelector('[data-field="Grade"]');
    typed.value = canonical(typed.value);
    const body = new FormData();
    body.append('__RequestVerificationToken', token);
    for (const field of row.querySelectorAll('[data-field]')) {
      body.append(field.dataset.field, field.value);
    }
    status.textContent = 'Saving…';
    status.className = 'govuk-table__cell app-row-status';
    const grade = typed;
    try {
      const response = await fetch(`${location.pathname}?handler=Row`, { method: 'POST', body, credentials: 'same-origin' });
      const answer = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
      if (waiting.has(row)) {
        // A newer change is about to be sent: say nothing until it is saved.
      } else if (response.ok) {
        status.textContent = answer?.status === 'cleared' ? 'Cleared' : 'Saved';
        status.classList.add('app-row-status--saved');
        grade.classList.remove('govuk-input--error');
      } else {
        status.textContent = answer?.message ?? `Not saved (the server answered ${response.status}). Try again, or use Save grades.`;
        status.classList.add('app-row-status--error');
        grade.classList.add('govuk-input--error');
      }
    } catch {
      status.textContent = 'Not saved: no connection. Your entry is still here; it will be saved when you change it again or press Save grades.';
      status.classList.add('app-row-status--error');
    }
    count();
  };
  for (const row of form.querySelectorAll('[data-row]')) {
    row.addEventListener('change', () => save(row));
  }
}
