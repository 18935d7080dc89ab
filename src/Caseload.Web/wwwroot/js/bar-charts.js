// Bar charts drawn from each canvas's data-bar-chart attribute (no inline scripts): labels, datasets of values, and the
// unit for the axis. Every chart's figures are also in a table on the same page, for screen readers and for anyone who
// prefers numbers.
const palette = ['#1d70b8', '#d4351c', '#00703c', '#f47738'];
for (const canvas of document.querySelectorAll('canvas[data-bar-chart]')) {
  if (!window.Chart) {
    break;
  }
  const data = JSON.parse(canvas.dataset.barChart);
  const unit = data.unit ?? '';
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((d, i) => ({ label: d.label, data: d.values, backgroundColor: palette[i % palette.length] })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { ticks: { callback: v => v + unit } } },
      plugins: {
        legend: { display: data.datasets.length > 1 },
        tooltip: { callbacks: { label: c => `${c.dataset.label}: ${c.parsed.y}${unit}` } },
      },
    },
  });
}
