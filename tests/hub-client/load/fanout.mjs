// Hub fan-out load: N connections follow one series; measures delivery latency as client receive
// time minus the server's send stamp (sentAt) on the same machine clock.
//
//   HUB_URL=http://127.0.0.1:5080/hubs/candles CONNECTIONS=1000 DURATION_S=30 node load/fanout.mjs
//
// Bounded and loopback only: at most 2000 connections and 120 s. Connections are spread over
// worker threads so one client event loop is not the bottleneck being measured.
// Prints READY once all are subscribed; with HANDSHAKE=1 it then waits for a line "GO" on stdin
// (the xunit harness measures server memory in between), measures for DURATION_S, prints one
// line "RESULT {json}" and closes everything.
import { Worker } from 'node:worker_threads';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';

const hubUrl = process.env.HUB_URL ?? 'http://127.0.0.1:5080/hubs/candles';
const connections = Number(process.env.CONNECTIONS ?? 1000);
const durationS = Number(process.env.DURATION_S ?? 30);
const workers = Number(process.env.WORKERS ?? Math.min(4, availableParallelism()));
const symbol = process.env.SYMBOL ?? 'BTCUSDT';
const interval = process.env.INTERVAL ?? '15s';

const host = new URL(hubUrl).hostname;
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`loopback only, got ${host}`);
if (!(connections >= 1 && connections <= 2000)) throw new Error('CONNECTIONS must be 1..2000');
if (!(durationS >= 1 && durationS <= 120)) throw new Error('DURATION_S must be 1..120');

const pool = Array.from({ length: workers }, (_, i) => {
  const count = Math.floor(connections / workers) + (i < connections % workers ? 1 : 0);
  return new Worker(new URL('./fanout-worker.mjs', import.meta.url), { workerData: { hubUrl, count, symbol, interval } });
});
const ask = (worker, command) =>
  new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(command);
  });

const connectStart = performance.now();
await Promise.all(pool.map((w) => ask(w, 'connect')));
const connectMs = performance.now() - connectStart;
console.log(`READY ${connections} connections subscribed to ${symbol} ${interval} in ${connectMs.toFixed(0)} ms`);

if (process.env.HANDSHAKE === '1') {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'GO') break;
  lines.close();
  process.stdin.destroy(); // an open stdin would keep the process alive after the run
}

await Promise.all(pool.map((w) => ask(w, 'measure')));
const measureStart = Date.now();
await new Promise((resolve) => setTimeout(resolve, durationS * 1000)); // the measuring window itself
const parts = await Promise.all(pool.map((w) => ask(w, 'report')));
const elapsedS = (Date.now() - measureStart) / 1000;
await Promise.all(pool.map((w) => ask(w, 'close')));
await Promise.all(pool.map((w) => w.terminate()));

const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
const pct = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : null);
const perConnection = parts.flatMap((p) => p.counts);
const result = {
  connections,
  series: `${symbol} ${interval}`,
  durationS: Number(elapsedS.toFixed(1)),
  connectMs: Math.round(connectMs),
  messages: latencies.length,
  updatesPerSecondPerConnection: Number((latencies.length / connections / elapsedS).toFixed(2)),
  minMessagesPerConnection: Math.min(...perConnection),
  maxMessagesPerConnection: Math.max(...perConnection),
  latencyMs: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: latencies.at(-1) ?? null },
  errors: parts.reduce((n, p) => n + p.errors, 0),
};
console.log(`RESULT ${JSON.stringify(result)}`);
