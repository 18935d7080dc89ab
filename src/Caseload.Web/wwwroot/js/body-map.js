// The body map on "Report a safeguarding concern": a click on the front or back outline fills the next empty mark row
// with that side and the nearest named part of the body (the rows work without it, by keyboard: side, part, note).
const map = document.querySelector('[data-body-map]');
if (map) {
  const regions = JSON.parse(map.getAttribute('data-regions'));
  const rows = [...document.querySelectorAll('[data-mark-row]')];
  map.querySelectorAll('svg[data-side]').forEach((svg) => {
    svg.addEventListener('click', (e) => {
      const side = svg.getAttribute('data-side');
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      const x = view.x + ((e.clientX - box.left) / box.width) * view.width;
      const y = view.y + ((e.clientY - box.top) / box.height) * view.height;
      let best = null;
      for (const r of regions) {
        if (r.only && r.only !== side) continue;
        const px = side === 'Back' && /^(Left|Right) /.test(r.name) ? 100 - r.x : r.x;
        const d = (px - x) ** 2 + (r.y - y) ** 2;
        if (!best || d < best.d) best = { d, name: r.name, x: px, y: r.y };
      }
      if (!best || best.d > 400) return; // off the outline: no part of the body near the click
      const row = rows.find((r) => !r.querySelector('[data-mark-region]').value) ?? rows[rows.length - 1];
      row.querySelector('[data-mark-side]').value = side;
      row.querySelector('[data-mark-region]').value = best.name;
      const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      dot.setAttribute('cx', best.x); dot.setAttribute('cy', best.y); dot.setAttribute('r', 5);
      dot.setAttribute('class', 'app-body-map__mark');
      svg.appendChild(dot);
      row.querySelector('[data-mark-note]').focus();
    });
  });
}
