// Bar charts drawn from each canvas's data-bar-chart attribute (no inline scripts). Every chart's figures are also in a
// table on the same page, for screen readers and for anyone who prefers numbers.
const palette = ['#1d70b8', '#b1b4b6', '#00703c', '#f47738'];
for (const canvas of document.querySelectorAll('canvas[data-bar-chart]')) {
  if (!window.Chart) {
    break;
  }
  const data = JSON.parse(canvas.dataset.barChart);
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((d, i) => ({ label: d.label, data: d.values, backgroundColor: palette[i % palette.length] })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } },
      plugins: { legend: { display: data.datasets.length > 1 } },
    },
  });
}
