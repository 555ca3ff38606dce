// Builds lib/plotly/plotly-candles.min.js from plotly-candles.js with esbuild, the way plotly.js
// builds its own dist bundles (see node_modules/plotly.js/esbuild-config.js): one IIFE that sets
// window.Plotly, `global` read as `window`. Run by the Web project's build after npm ci; the output
// is git-ignored. Also writes the Brotli and gzip variants the server sends to browsers that
// accept them, and prints the three sizes.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(webRoot, 'lib', 'plotly', 'plotly-candles.min.js');

await mkdir(dirname(outfile), { recursive: true });
await build({
    absWorkingDir: webRoot,
    entryPoints: [join(webRoot, 'build', 'plotly-candles.js')],
    outfile,
    bundle: true,
    format: 'iife',
    globalName: 'Plotly',
    minify: true,
    target: 'es2016',
    legalComments: 'eof',
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    // The registry requires maplibre's stylesheet for map subplots, which this bundle has none of.
    loader: { '.css': 'empty' },
    logLevel: 'warning',
});

const raw = await readFile(outfile);
const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
const gzip = gzipSync(raw, { level: 9 });
await writeFile(outfile + '.br', brotli);
await writeFile(outfile + '.gz', gzip);
const kib = n => `${(n / 1024).toFixed(0)} KiB`;
console.log(`plotly-candles.min.js: ${kib(raw.length)} raw, ${kib(gzip.length)} gzip, ${kib(brotli.length)} brotli`);
