// Draws the report's charts from the JSON data block; the page's HTML already holds the tables.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];

  function points(xs, ys) {
    return xs.map(function (x, i) { return [x, ys[i]]; });
  }

  function line(island, suffix, xs, ys, dashed) {
    return {
      name: 'island ' + island.island + (suffix ? ' ' + suffix : ''),
      type: 'line',
      data: points(xs, ys),
      color: island.colour,
      showSymbol: false,
      lineStyle: { color: island.colour, width: dashed ? 1.5 : 2, type: dashed ? 'dashed' : 'solid' }
    };
  }

  function fitness(x) {
    return data.islands.flatMap(function (s) {
      return [line(s, 'best', s[x], s.best, false), line(s, 'mean', s[x], s.mean, true)];
    });
  }

  function perIsland(y) {
    return data.islands.map(function (s) { return line(s, '', s.generation, s[y], false); });
  }

  function draw(id, title, xName, yName, series, yAxis) {
    var element = document.getElementById(id);
    if (data.islands.length === 0) {
      element.innerHTML = '<p class="empty" style="padding:12px">' + title + ': no generation statistics yet.</p>';
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: title, left: 12, top: 8, textStyle: { fontSize: 14, fontWeight: 600, color: '#1d2430' } },
      legend: { type: 'scroll', top: 32, left: 12, right: 12, textStyle: { color: '#5b6575' } },
      grid: { left: 64, right: 24, top: 72, bottom: 52 },
      tooltip: { trigger: 'axis', confine: true },
      dataZoom: [{ type: 'inside' }],
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: Object.assign({ type: 'value', name: yName, nameLocation: 'middle', nameGap: 44, scale: true },
          yAxis || {}),
      series: series
    });
    charts.push(chart);
  }

  draw('chart-fitness-individuals', 'Fitness over individuals (solid: best, dashed: mean)',
      'individuals evaluated by the island', 'fitness', fitness('individuals'));
  draw('chart-fitness-time', 'Fitness over time (solid: best, dashed: mean)',
      'elapsed seconds', 'fitness', fitness('elapsed'));
  draw('chart-fec', 'FEC hit rate per generation', 'generation', 'hit rate', perIsland('fecRate'),
      { min: 0, max: 1, scale: false });
  draw('chart-throughput', 'Throughput per generation', 'generation', 'individuals / s', perIsland('throughput'),
      { min: 0, scale: false });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
