// Draws the charts of a page from data in the canvas's data-chart attribute (no inline scripts). Every chart's
// figures are also in a table on the same page, for screen readers and for anyone who prefers numbers.
const canvas = document.getElementById('weekly-chart');
if (canvas && window.Chart) {
  const data = JSON.parse(canvas.dataset.chart);
  const colour = v => v === null ? '#b1b4b6' : v >= 95 ? '#00703c' : v >= 90 ? '#8a4a00' : '#d4351c';
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ label: 'Attendance %', data: data.values, backgroundColor: data.values.map(colour) }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } },
      plugins: { legend: { display: false } },
    },
  });
}
