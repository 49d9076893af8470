// GenAI Trends charts. Every chart reads its data from the JSON API (URL in data-src), draws with Chart.js
// (loaded from /lib/chartjs, restored by LibMan) and fills a "show data as table" alternative.
// All text from the server is set with textContent, never as HTML.
(function () {
  'use strict';
  if (!window.Chart) return;

  var DAY_MS = 86400000;
  var dateFmt = {
    day: new Intl.DateTimeFormat('en', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }),
    week: new Intl.DateTimeFormat('en', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }),
    month: new Intl.DateTimeFormat('en', { timeZone: 'UTC', month: 'short', year: 'numeric' })
  };

  function ms(iso) { var p = iso.split('-'); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function bucketTitle(t, g) {
    return g === 'week' ? 'Week of ' + dateFmt.week.format(t) : (dateFmt[g] || dateFmt.day).format(t);
  }
  function bucketEnd(t, g) {
    if (g === 'week') return t + 6 * DAY_MS;
    if (g === 'month') { var d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS; }
    return t;
  }
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + a + ')';
  }
  function fmtNumber(v) { return v == null ? '—' : Number(v).toLocaleString('en'); }
  function fmtPct(v) { return v == null ? '—' : v.toFixed(v < 10 ? 1 : 0) + '%'; }
  function fmtSent(v) { return v == null ? '—' : (v > 0 ? '+' : '') + v.toFixed(2); }

  function setStatus(canvas, text) {
    var s = document.querySelector('[data-status-for="' + canvas.id + '"]');
    if (s) s.textContent = text || '';
  }

  function fetchJson(url) {
    // A plain same-origin GET (the API answers JSON by default), so the page's <link rel="preload" as="fetch"
    // crossorigin> for the same URL is reused instead of fetched again.
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  // Ticks exactly on bucket starts, thinned to about ten labels.
  function bucketTicks(xs, g) {
    return {
      afterBuildTicks: function (axis) {
        // About one label per 110 px of chart width, so half-width charts do not overlap their dates.
        var labels = Math.max(3, Math.min(10, Math.floor((axis.chart.width || 600) / 110)));
        var stride = Math.max(1, Math.ceil(xs.length / labels));
        axis.ticks = xs.filter(function (_, i) { return i % stride === 0; }).map(function (v) { return { value: v }; });
      },
      ticks: {
        autoSkip: false, maxRotation: 0,
        callback: function (v) { return (g === 'month' ? dateFmt.month : dateFmt.day).format(v).replace(/, \d{4}$/, function (y) { return xs.length > 60 || g !== 'day' ? y : ''; }); }
      }
    };
  }

  function perf() {
    // Chart.js fast path: data pre-parsed as sorted {x, y} (no parsing pass, no sort checks), drawn at once in
    // its final state (no entry animation to wait for or to click through).
    return { parsing: false, normalized: true, animation: false };
  }

  function postsUrl(canvas, theme, bucketMs) {
    var base = canvas.dataset.postsLink;
    if (!base || !theme || theme === 'all') return null;
    var g = canvas.dataset.granularity;
    var from = Math.max(bucketMs, ms(canvas.dataset.from));
    var to = Math.min(bucketEnd(bucketMs, g), ms(canvas.dataset.to));
    var u = new URL(base, window.location.origin);
    u.searchParams.set('theme', theme);
    u.searchParams.set('from', iso(from));
    u.searchParams.set('to', iso(to));
    u.searchParams.delete('range');
    return u.pathname + u.search;
  }

  function fillTable(canvas, head, rows) {
    var holder = document.querySelector('[data-table-for="' + canvas.id + '"]');
    if (!holder) return;
    var table = document.createElement('table');
    table.className = 'table table-sm table-striped mb-0';
    var caption = document.createElement('caption');
    caption.className = 'visually-hidden';
    caption.textContent = canvas.getAttribute('aria-label');
    table.appendChild(caption);
    var thead = table.createTHead().insertRow();
    head.forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; thead.appendChild(th); });
    var body = table.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.forEach(function (c, i) {
        var cell = i === 0 ? document.createElement('th') : document.createElement('td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = c;
        tr.appendChild(cell);
      });
    });
    holder.replaceChildren(table);
  }

  function done(canvas, chart) {
    canvas.dataset.ready = 'true';
    canvas.dispatchEvent(new CustomEvent('chart:ready', { bubbles: true, detail: chart }));
  }

  // ---- theme share / volume (stacked areas) with spike markers ----
  function drawShare(canvas, data, spikes) {
    var g = canvas.dataset.granularity, share = canvas.dataset.mode !== 'volume';
    var xs = data.buckets.map(ms);
    var total = data.total.reduce(function (a, b) { return a + b; }, 0);
    // 100% mode: each band is the theme's part of all theme mentions in the bucket (a post with two themes
    // counts twice), so the stack always reaches 100% where any theme occurs.
    var mentions = xs.map(function (_, i) { return data.series.reduce(function (a, s) { return a + s.counts[i]; }, 0); });
    var datasets = data.series.map(function (s, k) {
      return {
        label: s.label, theme: s.theme, borderColor: s.colour, backgroundColor: alpha(s.colour, 0.55),
        borderWidth: 1.5, pointRadius: xs.length > 120 ? 0 : 2, pointHitRadius: 6,
        fill: k === 0 ? 'origin' : '-1', stack: 'themes', order: 1,
        data: xs.map(function (x, i) { return { x: x, y: share ? (mentions[i] ? s.counts[i] * 100 / mentions[i] : 0) : s.counts[i] }; })
      };
    });
    var spikeList = (spikes && spikes.spikes) || [];
    if (spikeList.length) {
      // A marker sits on the top edge of its theme's band.
      var index = {}; xs.forEach(function (x, i) { index[x] = i; });
      var order = data.series.map(function (s) { return s.theme; });
      datasets.push({
        label: 'Spikes', type: 'line', showLine: false, stack: 'spikes', order: 0, isSpikes: true, clip: false, // whole triangles at 100%
        pointStyle: 'triangle', pointRadius: 7, pointHoverRadius: 9, borderColor: '#000', borderWidth: 1,
        backgroundColor: spikeList.map(function (sp) { return sp.colour; }),
        spikes: spikeList,
        data: spikeList.map(function (sp) {
          var i = index[ms(sp.bucket)], y = 0;
          for (var k = 0; k <= order.indexOf(sp.theme) && i != null; k++) y += datasets[k].data[i].y;
          return { x: ms(sp.bucket), y: y };
        }).filter(function (p) { return !isNaN(p.y); })
      });
    }
    var unit = data.weighting === 'engagement' ? 'engagement' : 'posts';
    var chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: Object.assign(perf(), {
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: Object.assign({ type: 'linear', min: xs[0], max: xs[xs.length - 1] }, bucketTicks(xs, g)),
          y: { stacked: true, beginAtZero: true, max: share ? 100 : undefined, title: { display: true, text: share ? '% of theme mentions' : unit },
               ticks: { callback: function (v) { return share ? v + '%' : fmtNumber(v); } } }
        },
        plugins: {
          legend: { position: 'bottom', labels: { filter: function (item, d) { return !d.datasets[item.datasetIndex].isSpikes; } } },
          decimation: { enabled: false }, // stacked bands must keep every bucket aligned
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? bucketTitle(items[0].parsed.x, g) : ''; },
              label: function (item) {
                var ds = item.dataset;
                if (ds.isSpikes) {
                  var sp = ds.spikes[item.dataIndex];
                  return 'Spike: ' + sp.label + ' ' + fmtNumber(sp.value) + ' vs baseline ' + sp.baseline.toFixed(1) + ' (' + sp.ratio.toFixed(1) + '×)';
                }
                var s = data.series[item.datasetIndex], i = item.dataIndex;
                return s.label + ': ' + fmtNumber(s.counts[i]) + ' ' + unit + ' = ' + fmtPct(s.share[i] * 100) + ' of all ' + fmtNumber(data.total[i]);
              },
              footer: function (items) { return items.some(function (i) { return i.dataset.isSpikes; }) ? spikes.ruleText : ''; }
            }
          }
        },
        onClick: function (evt, _, c) {
          var pos = Chart.helpers.getRelativePosition(evt, c);
          var x = c.scales.x.getValueForPixel(pos.x), y = c.scales.y.getValueForPixel(pos.y);
          var i = nearestIndex(xs, x);
          if (i < 0) return;
          // The band under the pointer (or the top band when above the stack).
          var acc = 0, theme = null;
          for (var k = 0; k < data.series.length; k++) {
            acc += datasets[k].data[i].y;
            theme = data.series[k].theme;
            if (y <= acc) break;
          }
          var url = postsUrl(canvas, theme, xs[i]);
          if (url) window.location.assign(url);
        }
      })
    });
    var head = ['Bucket'].concat(data.series.map(function (s) { return s.label + ' (' + unit + ', % of all)'; }), ['All ' + unit]);
    fillTable(canvas, head, xs.map(function (x, i) {
      return [bucketTitle(x, g)].concat(data.series.map(function (s) { return fmtNumber(s.counts[i]) + ' (' + fmtPct(s.share[i] * 100) + ')'; }), [fmtNumber(data.total[i])]);
    }));
    fillSpikeList(canvas, spikes);
    setStatus(canvas, total === 0 ? canvas.dataset.empty : '');
    done(canvas, chart);
  }

  function nearestIndex(xs, x) {
    var best = -1, dist = Infinity;
    for (var i = 0; i < xs.length; i++) { var d = Math.abs(xs[i] - x); if (d < dist) { dist = d; best = i; } }
    return best;
  }

  function fillSpikeList(canvas, spikes) {
    var ul = document.querySelector('[data-spike-list="' + canvas.id + '"]');
    if (!ul || !spikes) return;
    ul.replaceChildren();
    if (!spikes.spikes.length) {
      var none = document.createElement('li'); none.className = 'text-muted'; none.textContent = 'No spikes in this range.'; ul.appendChild(none); return;
    }
    spikes.spikes.forEach(function (sp) {
      var li = document.createElement('li');
      var dot = document.createElement('span'); dot.className = 'theme-dot theme-' + sp.theme; dot.setAttribute('aria-hidden', 'true');
      li.appendChild(dot);
      var text = ' ' + bucketTitle(ms(sp.bucket), spikes.granularity) + ' — ' + sp.label + ': ' + fmtNumber(sp.value) +
        ' vs baseline ' + sp.baseline.toFixed(1) + ' (' + sp.ratio.toFixed(1) + '×) ';
      li.appendChild(document.createTextNode(text));
      var url = postsUrl(canvas, sp.theme, ms(sp.bucket));
      if (url) { var a = document.createElement('a'); a.href = url; a.textContent = 'posts'; li.appendChild(a); }
      ul.appendChild(li);
    });
  }

  // ---- mean sentiment per theme (lines) ----
  function drawSentiment(canvas, data) {
    var g = canvas.dataset.granularity;
    var xs = data.buckets.map(ms);
    var any = false;
    var datasets = data.series.map(function (s) {
      var all = s.theme === 'all';
      return {
        label: s.label, theme: s.theme, borderColor: s.colour, backgroundColor: s.colour,
        borderDash: all ? [6, 4] : undefined, borderWidth: all ? 2.5 : 1.8, spanGaps: false,
        pointRadius: xs.length > 120 ? 0 : 2, pointHitRadius: 6,
        data: xs.map(function (x, i) { if (s.mean[i] != null) any = true; return { x: x, y: s.mean[i] }; })
      };
    });
    var chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: Object.assign(perf(), {
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: Object.assign({ type: 'linear', min: xs[0], max: xs[xs.length - 1] }, bucketTicks(xs, g)),
          y: { min: -1, max: 1, title: { display: true, text: 'mean sentiment (−1 … +1)' } }
        },
        plugins: {
          // Legend entries as short lines, so the dashed "All posts" line reads as a dashed line.
          legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28 } },
          decimation: { enabled: true, algorithm: 'lttb', samples: 400, threshold: 800 },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? bucketTitle(items[0].parsed.x, g) : ''; },
              label: function (item) {
                var s = data.series[item.datasetIndex], i = xs.indexOf(item.parsed.x);
                return s.label + ': ' + fmtSent(item.parsed.y) + (i >= 0 ? ' (' + fmtNumber(s.scored[i]) + ' scored posts)' : '');
              }
            }
          }
        },
        onClick: function (evt, _, c) {
          var hit = c.getElementsAtEventForMode(evt, 'nearest', { intersect: false, axis: 'xy' }, false)[0];
          if (!hit) return;
          var url = postsUrl(canvas, datasets[hit.datasetIndex].theme, datasets[hit.datasetIndex].data[hit.index].x);
          if (url) window.location.assign(url);
        }
      })
    });
    fillTable(canvas, ['Bucket'].concat(data.series.map(function (s) { return s.label; })), xs.map(function (x, i) {
      return [bucketTitle(x, g)].concat(data.series.map(function (s) { return fmtSent(s.mean[i]) + (s.scored[i] ? ' (n=' + s.scored[i] + ')' : ''); }));
    }));
    setStatus(canvas, any ? '' : canvas.dataset.empty);
    done(canvas, chart);
  }

  // ---- one theme: volume bars + share line ----
  function drawTheme(canvas, data) {
    var g = canvas.dataset.granularity;
    var xs = data.buckets.map(ms);
    var s = data.series[0];
    var unit = data.weighting === 'engagement' ? 'engagement' : 'posts';
    var chart = new Chart(canvas, {
      type: 'bar',
      data: {
        datasets: [
          { type: 'bar', label: s.label + ' (' + unit + ')', theme: s.theme, backgroundColor: alpha(s.colour, 0.7), borderColor: s.colour, yAxisID: 'y',
            data: xs.map(function (x, i) { return { x: x, y: s.counts[i] }; }), order: 2 },
          { type: 'line', label: 'Share of all ' + unit + ' (%)', theme: s.theme, borderColor: '#333', backgroundColor: '#333', yAxisID: 'y2',
            pointRadius: xs.length > 120 ? 0 : 2, borderWidth: 1.5, data: xs.map(function (x, i) { return { x: x, y: s.share[i] * 100 }; }), order: 1 }
        ]
      },
      options: Object.assign(perf(), {
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: Object.assign({ type: 'linear', offset: true, min: xs[0], max: xs[xs.length - 1] }, bucketTicks(xs, g)),
          y: { beginAtZero: true, title: { display: true, text: unit } },
          y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: '% share' }, ticks: { callback: function (v) { return v + '%'; } } }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: function (items) { return items.length ? bucketTitle(items[0].parsed.x, g) : ''; } } }
        },
        onClick: function (evt, _, c) {
          var pos = Chart.helpers.getRelativePosition(evt, c);
          var i = nearestIndex(xs, c.scales.x.getValueForPixel(pos.x));
          var url = i >= 0 ? postsUrl(canvas, s.theme, xs[i]) : null;
          if (url) window.location.assign(url);
        }
      })
    });
    fillTable(canvas, ['Bucket', s.label + ' (' + unit + ')', 'Share', 'All ' + unit], xs.map(function (x, i) {
      return [bucketTitle(x, g), fmtNumber(s.counts[i]), fmtPct(s.share[i] * 100), fmtNumber(data.total[i])];
    }));
    setStatus(canvas, s.counts.some(function (c) { return c > 0; }) ? '' : canvas.dataset.empty);
    done(canvas, chart);
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var kind = canvas.dataset.chart;
    var jobs = [fetchJson(canvas.dataset.src)];
    if (kind === 'share' && canvas.dataset.spikes) jobs.push(fetchJson(canvas.dataset.spikes).catch(function () { return null; }));
    Promise.all(jobs).then(function (r) {
      if (kind === 'share') drawShare(canvas, r[0], r[1]);
      else if (kind === 'sentiment') drawSentiment(canvas, r[0]);
      else if (kind === 'theme') drawTheme(canvas, r[0]);
    }).catch(function (e) {
      setStatus(canvas, 'Could not load the chart data (' + e.message + '). Reload the page to try again.');
      canvas.dataset.ready = 'error';
    });
  });
})();
