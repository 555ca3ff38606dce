// One worker of load/fanout.mjs: holds its share of the connections and records latencies.
import { parentPort, workerData } from 'node:worker_threads';
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

const { hubUrl, count, symbol, interval } = workerData;
const connections = [];
const counts = [];
let latencies = [];
let measuring = false;
let errors = 0;

async function open(index) {
  const connection = new HubConnectionBuilder()
    .withUrl(hubUrl, { transport: HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(LogLevel.None)
    .build();
  counts[index] = 0;
  connection.on('candle', (m) => {
    if (!measuring) return;
    latencies.push(Date.now() - m.sentAt);
    counts[index]++;
  });
  connection.onclose((e) => { if (e) errors++; });
  await connection.start();
  await connection.invoke('Subscribe', symbol, interval);
  connections[index] = connection;
}

parentPort.on('message', async (command) => {
  switch (command) {
    case 'connect':
      // Batches of 50 keep the connect burst polite to the server's accept queue.
      for (let i = 0; i < count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => open(i + k)));
      }
      parentPort.postMessage('connected');
      break;
    case 'measure':
      latencies = [];
      counts.fill(0);
      measuring = true;
      parentPort.postMessage('measuring');
      break;
    case 'report':
      measuring = false;
      parentPort.postMessage({ latencies, counts, errors });
      break;
    case 'close':
      await Promise.all(connections.map((c) => c.stop()));
      parentPort.postMessage('closed');
      break;
  }
});
