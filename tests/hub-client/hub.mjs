// Shared helpers for the hub tests: one connection factory and an event-driven wait, so no test sleeps.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

/** The hub under test; the xunit wrapper sets HUB_URL to the app it started. */
export const hubUrl = process.env.HUB_URL ?? 'http://127.0.0.1:5080/hubs/candles';

/** The server's Hub:MaxSubscriptionsPerConnection (the wrapper passes what it configured). */
export const maxSubscriptions = Number(process.env.HUB_MAX_SUBSCRIPTIONS ?? 20);

export async function connect() {
  const connection = new HubConnectionBuilder()
    .withUrl(hubUrl, { transport: HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(LogLevel.None)
    .build();
  await connection.start();
  return connection;
}

/**
 * Collects the messages of one client method and resolves waits as soon as a condition holds.
 * until() rejects after its deadline with what was received, so a failure says why.
 */
export function recorder(connection, method) {
  const messages = [];
  const waiters = [];
  connection.on(method, (message) => {
    messages.push({ ...message, receivedAt: Date.now() });
    for (const w of [...waiters]) {
      if (w.condition(messages)) {
        waiters.splice(waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(messages);
      }
    }
  });
  return {
    messages,
    until(condition, timeoutMs, what) {
      if (condition(messages)) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const w = { condition, resolve };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${messages.length} '${method}' messages`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
  };
}

/** Invokes and returns the server's error text (the test fails if the call succeeds). */
export async function refusal(connection, method, ...args) {
  try {
    await connection.invoke(method, ...args);
  } catch (error) {
    return error.message;
  }
  throw new Error(`${method}(${args.map((a) => JSON.stringify(a)?.slice(0, 40)).join(', ')}) was accepted`);
}
