// The plotly.js the chart runs on: plotly's core (which always carries the scatter trace, used
// by the line indicators, plus annotations, shapes and hover) and the two other trace types the
// chart draws: candlestick (the candles) and bar (volume, MACD histogram). Nothing else, so the
// browser has less script to download, parse and run before the first draw.
// Adding a trace type to ChartFigure.cs or js/chartIndicators.js means registering it here
// (the browser test for the served bundle lists what it must and must not hold).
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/candlestick'),
    require('plotly.js/lib/bar'),
]);

module.exports = Plotly;
