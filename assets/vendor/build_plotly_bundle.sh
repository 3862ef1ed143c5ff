#!/usr/bin/env bash
# Rebuilds assets/vendor/plotly-custom.min.js: a partial plotly.js with only the traces the site
# uses (scatter from core, bar, choropleth on an SVG "geo" subplot). Why: the full bundle is
# ~1.47 MB gzip and a maplibre-based choroplethmap bundle ~0.89 MB gzip; the first load of "/"
# must stay under 1 MB. Dash's dcc.Graph uses `window.Plotly` when it exists, so a script in
# assets/ replaces the full bundle and the full one is never requested.
# Needs node + npm once (network for `npm install`); the output is committed, node_modules is not.
set -euo pipefail
PLOTLY_VERSION="${PLOTLY_VERSION:-4.1.1}"   # = plotly.py 7.1's bundled plotly.js
ESBUILD_VERSION="${ESBUILD_VERSION:-0.28.2}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund "plotly.js@${PLOTLY_VERSION}" "esbuild@${ESBUILD_VERSION}" >/dev/null
cat > entry.js <<'JS'
'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/choropleth'), require('plotly.js/lib/bar')]);
// The choropleth draws our own GeoJSON with every base layer hidden, so plotly's world topojson
// is never drawn; an empty stub stops plotly.js from fetching it from cdn.plot.ly.
var stub = {type: 'Topology', objects: {}, arcs: []};
window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
['world', 'usa', 'europe', 'asia', 'africa', 'north-america', 'south-america'].forEach(function (s) {
    ['110m', '50m'].forEach(function (r) { window.PlotlyGeoAssets.topojson[s + '_' + r] = stub; });
});
module.exports = Plotly;
JS
# Two libraries the site never reaches, stubbed out (about 135 kB minified, 38 kB brotli):
# d3-geo-projection holds every exotic projection (the map uses mercator, which d3-geo has), and
# country-iso-search resolves locationmode "country names" (the map uses its own GeoJSON ids).
cat > stub-projections.js <<'JS'
module.exports = {};
JS
cat > stub-countries.js <<'JS'
module.exports = {COUNTRIES: [], createLookup: function () { return {lookupAlpha3: function () {}}; }};
JS
cat > build.mjs <<'JS'
import * as esbuild from 'esbuild';
await esbuild.build({
  entryPoints: ['entry.js'], outfile: 'plotly-custom.min.js', format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, legalComments: 'none', target: 'es2016',
  define: {global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false'},
  alias: {stream: 'stream-browserify', 'd3-geo-projection': './stub-projections.js',
          'country-iso-search': './stub-countries.js'}, logLevel: 'warning',
});
JS
node build.mjs
{ echo "/*! plotly.js v${PLOTLY_VERSION} (MIT, https://github.com/plotly/plotly.js) partial bundle:"
  echo " scatter, bar, choropleth (mercator, GeoJSON ids only). Built by assets/vendor/build_plotly_bundle.sh */"
  cat plotly-custom.min.js; } > "$HERE/plotly-custom.min.js"
ls -l "$HERE/plotly-custom.min.js"
