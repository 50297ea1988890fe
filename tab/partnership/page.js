// The Partnership tab: signs in with Teams SSO, asks Concord for the figures of a period, and
// draws each chart with Chart.js beside a table of exactly the same numbers.
'use strict';
(function () {
  var SERIES = [
    { colour: '#1f4e79', pattern: 'solid', name: 'solid' },
    { colour: '#a14a00', pattern: 'stripes', name: 'striped' },
    { colour: '#2e6b30', pattern: 'dots', name: 'dotted' },
    { colour: '#5e2a84', pattern: 'cross', name: 'cross-hatched' },
  ];
  var token = null;
  var charts = [];
  var main = document.getElementById('figures');
  var status = document.getElementById('status');

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      e.appendChild(c);
    });
    return e;
  }

  function monthInput(offset) {
    var d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + offset);
    return d.toISOString().slice(0, 7);
  }

  // Colour is never the only signal: each series also has its own fill pattern and the value on its bar.
  function fill(series) {
    var c = document.createElement('canvas');
    c.width = c.height = 8;
    var g = c.getContext('2d');
    g.fillStyle = series.pattern === 'solid' ? series.colour : '#fff';
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = g.fillStyle = series.colour;
    g.lineWidth = 2;
    if (series.pattern === 'stripes') {
      g.beginPath();
      g.moveTo(0, 8);
      g.lineTo(8, 0);
      g.moveTo(-2, 2);
      g.lineTo(2, -2);
      g.moveTo(6, 10);
      g.lineTo(10, 6);
      g.stroke();
    }
    if (series.pattern === 'dots') {
      g.beginPath();
      g.arc(4, 4, 2, 0, 2 * Math.PI);
      g.fill();
    }
    if (series.pattern === 'cross') {
      g.beginPath();
      g.moveTo(0, 4);
      g.lineTo(8, 4);
      g.moveTo(4, 0);
      g.lineTo(4, 8);
      g.stroke();
    }
    return g.createPattern(c, 'repeat');
  }

  function short(shown) {
    if (shown.value !== null) return String(shown.value);
    return shown.text.indexOf('fewer than 5') >= 0 ? '<5' : '–';
  }

  // Writes each bar's value (or "<5" for a hidden small count) at its end.
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart) {
      var g = chart.ctx;
      var horizontal = chart.options.indexAxis === 'y';
      g.save();
      g.fillStyle = '#1b1b1b';
      g.font = '12px "Segoe UI", system-ui, sans-serif';
      chart.data.datasets.forEach(function (ds, i) {
        chart.getDatasetMeta(i).data.forEach(function (bar, j) {
          var text = ds.labels[j];
          var props = bar.getProps(['x', 'y', 'base'], true);
          if (horizontal) {
            var x = isNaN(props.x) ? chart.scales.x.getPixelForValue(0) : props.x;
            g.textAlign = 'left';
            g.textBaseline = 'middle';
            g.fillText(text, x + 4, props.y);
          } else {
            var y = isNaN(props.y) ? chart.scales.y.getPixelForValue(0) : props.y;
            g.textAlign = 'center';
            g.textBaseline = 'bottom';
            g.fillText(text, props.x, y - 2);
          }
        });
      });
      g.restore();
    },
  };

  function figureTable(caption, columns, rows) {
    var head = el(
      'tr',
      {},
      [el('th', { scope: 'col', text: 'Figure' })].concat(
        columns.map(function (c) {
          return el('th', { scope: 'col', text: c });
        }),
      ),
    );
    var body = rows.map(function (r) {
      var name = el('details', {}, [el('summary', { text: r.figure.label }), el('p', { class: 'definition', text: r.figure.definition })]);
      return el(
        'tr',
        { 'data-figure': r.figure.id },
        [el('th', { scope: 'row' }, [name])].concat(
          r.cells.map(function (s) {
            return el('td', { text: s.text });
          }),
        ),
      );
    });
    return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, [
      el('table', {}, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, body)]),
    ]);
  }

  function drawChart(section, spec, answer) {
    var byId = {};
    section.figures.forEach(function (f) {
      byId[f.id] = f;
    });
    var figures = spec.figures.map(function (id) {
      return byId[id];
    });
    var labels, datasets, rows, columns;
    if (spec.by === 'month') {
      labels = answer.months.map(function (m) {
        return m.label;
      });
      datasets = figures.map(function (f, i) {
        var s = SERIES[i % SERIES.length];
        return {
          label: f.label + ' (' + s.name + ')',
          data: f.months.map(function (x) {
            return x.value;
          }),
          labels: f.months.map(short),
          backgroundColor: fill(s),
          borderColor: s.colour,
          borderWidth: 2,
        };
      });
      columns = labels;
      rows = figures.map(function (f) {
        return { figure: f, cells: f.months };
      });
    } else {
      labels = figures.map(function (f) {
        return f.label;
      });
      var s = SERIES[0];
      datasets = [
        {
          label: spec.title,
          data: figures.map(function (f) {
            return f.period.value;
          }),
          labels: figures.map(function (f) {
            return short(f.period);
          }),
          backgroundColor: fill(s),
          borderColor: s.colour,
          borderWidth: 2,
        },
      ];
      columns = [answer.months[0].label + ' to ' + answer.months[answer.months.length - 1].label];
      rows = figures.map(function (f) {
        return { figure: f, cells: [f.period] };
      });
    }
    var horizontal = spec.by === 'period';
    var height = horizontal ? Math.max(160, 36 * labels.length + 60) : 280;
    var canvas = el('canvas', { role: 'img', 'aria-label': spec.title + '. The same numbers are in the table below the chart.', id: 'chart-' + spec.id });
    canvas.textContent = 'A chart of ' + spec.title + '; the numbers are in the table below.';
    var box = el('div', { class: 'chart' }, [canvas]);
    box.style.height = height + 'px';
    var figure = el('figure', { 'data-chart': spec.id }, [
      el('h3', { text: spec.title }),
      box,
      el('figcaption', {
        class: 'summary',
        text: horizontal
          ? 'Bars are totals for the period; “<5” marks a count from 1 to 4.'
          : 'Each series has its own pattern, named in the legend; “<5” marks a count from 1 to 4.',
      }),
      figureTable('The numbers in “' + spec.title + '”', columns, rows),
    ]);
    figure.style.margin = '0';
    return {
      node: figure,
      draw: function () {
        charts.push(
          new Chart(canvas, {
            type: 'bar',
            data: { labels: labels, datasets: datasets },
            plugins: [valueLabels],
            options: {
              indexAxis: horizontal ? 'y' : 'x',
              responsive: true,
              maintainAspectRatio: false,
              animation: false,
              layout: { padding: { top: 18, right: 28 } },
              scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0, autoSkip: false } } },
              plugins: { legend: { display: !horizontal, position: 'bottom', labels: { color: '#1b1b1b' } }, tooltip: { enabled: true } },
            },
          }),
        );
      },
    };
  }

  function render(answer) {
    charts.forEach(function (c) {
      c.destroy();
    });
    charts = [];
    main.textContent = '';
    var period = answer.months[0].label + ' to ' + answer.months[answer.months.length - 1].label;
    main.appendChild(el('p', { id: 'status', role: 'status', 'aria-live': 'polite', text: 'Figures for ' + period + '.' }));
    var drawers = [];
    answer.sections.forEach(function (section) {
      var part = el('section', { 'aria-labelledby': 'h-' + section.id, id: 'section-' + section.id }, [
        el('h2', { id: 'h-' + section.id, text: section.title }),
      ]);
      if (section.note) part.appendChild(el('p', { class: 'note', text: section.note }));
      section.charts.forEach(function (spec) {
        var c = drawChart(section, spec, answer);
        part.appendChild(c.node);
        drawers.push(c.draw);
      });
      if (section.figures.length) {
        part.appendChild(
          figureTable(
            'All figures: ' + section.title + ', ' + period,
            answer.months
              .map(function (m) {
                return m.label;
              })
              .concat(['Whole period']),
            section.figures.map(function (f) {
              return { figure: f, cells: f.months.concat([f.period]) };
            }),
          ),
        );
      }
      main.appendChild(part);
    });
    drawers.forEach(function (d) {
      d();
    });
    document.body.setAttribute('data-ready', 'true');
  }

  function problem(message) {
    main.textContent = '';
    main.appendChild(el('p', { class: 'error', role: 'alert', text: message }));
    document.body.setAttribute('data-ready', 'refused');
  }

  function query() {
    return 'from=' + encodeURIComponent(document.getElementById('from').value) + '&to=' + encodeURIComponent(document.getElementById('to').value);
  }

  function load() {
    status.textContent = 'Loading the figures…';
    return fetch('/api/partnership/figures?' + query(), { headers: { Authorization: 'Bearer ' + token } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) return problem(body.error || 'The figures could not be shown.');
          document.getElementById('csv').disabled = false;
          render(body);
        });
      })
      .catch(function () {
        problem('The figures could not be loaded. Check your connection and try again.');
      });
  }

  function downloadCsv() {
    fetch('/api/partnership/figures.csv?' + query(), { headers: { Authorization: 'Bearer ' + token } })
      .then(function (res) {
        if (!res.ok) throw new Error('refused');
        var name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
        return res.blob().then(function (blob) {
          var a = el('a', { href: URL.createObjectURL(blob), download: name ? name[1] : 'partnership-figures.csv' });
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      })
      .catch(function () {
        problem('The CSV could not be downloaded. Try again.');
      });
  }

  // In Teams: the SSO token. Outside Teams (local trial only): a token in the address (#token=…, npm run dev-token).
  function signIn() {
    var fromAddress = /[#&]token=([^&]+)/.exec(location.hash);
    var teams = window.microsoftTeams;
    if (!teams) return Promise.resolve(fromAddress && fromAddress[1]);
    var timeout = new Promise(function (_, reject) {
      setTimeout(function () {
        reject(new Error('not in Teams'));
      }, 4000);
    });
    return Promise.race([teams.app.initialize(), timeout])
      .then(function () {
        return teams.authentication.getAuthToken();
      })
      .catch(function () {
        return fromAddress && fromAddress[1];
      });
  }

  var params = new URLSearchParams(location.search);
  document.getElementById('to').value = params.get('to') || monthInput(0);
  document.getElementById('from').value = params.get('from') || monthInput(-5);
  document.getElementById('period').addEventListener('submit', function (e) {
    e.preventDefault();
    load();
  });
  document.getElementById('csv').addEventListener('click', downloadCsv);
  signIn().then(function (t) {
    if (!t) return problem('Open this tab in Microsoft Teams to sign in.');
    token = t;
    return load();
  });
})();
