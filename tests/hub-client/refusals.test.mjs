// Invalid input is refused with a HubException the client reads; the connection stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HubConnectionState } from '@microsoft/signalr';
import { connect, recorder, refusal, maxSubscriptions } from './hub.mjs';

const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT'];
const intervals = ['15s', '30s', '1m', '5m', '15m', '1h', '4h', '1d'];

test('an invalid symbol is refused with the rule', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const text = await refusal(connection, 'Subscribe', 'BTC-USDT', '1m');
  assert.match(text, /HubException: Symbol 'BTC-USDT' is not valid: expected 2-20 letters or digits/);
});

test('an unknown symbol is refused with the configured list', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const text = await refusal(connection, 'Subscribe', 'DOGEUSDT', '1m');
  assert.match(text, /HubException: Unknown symbol 'DOGEUSDT'\. Available symbols: BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT\./);
});

test('an unknown interval is refused with the configured list', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  for (const interval of ['2m', '1M', '1w']) {
    const text = await refusal(connection, 'Subscribe', 'BTCUSDT', interval);
    assert.match(text, new RegExp(`HubException: Unknown interval '${interval}'\\. Available intervals: 15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d\\.`));
  }
  // A real interval this dashboard does not offer says so.
  const text = await refusal(connection, 'Subscribe', 'BTCUSDT', '1s');
  assert.match(text, /HubException: Interval '1s' is not offered here\. Available intervals: 15s, 30s, 1m, 5m, 15m, 1h, 4h, 1d\./);
});

test(`beyond ${maxSubscriptions} series per connection is refused; re-subscribing and freeing a slot work`, async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const series = symbols.flatMap((s) => intervals.map((i) => [s, i]));
  assert.ok(series.length > maxSubscriptions, 'enough configured series to reach the cap');

  for (const [s, i] of series.slice(0, maxSubscriptions)) {
    await connection.invoke('Subscribe', s, i);
  }
  // Following a series again takes no extra slot.
  await connection.invoke('Subscribe', ...series[0]);

  const [s, i] = series[maxSubscriptions];
  const text = await refusal(connection, 'Subscribe', s, i);
  assert.match(text, new RegExp(`HubException: Subscription limit reached: at most ${maxSubscriptions} series per connection\\.`));

  await connection.invoke('Unsubscribe', ...series[0]);
  await connection.invoke('Subscribe', s, i);
});

// Refused input is echoed cut to 32 characters, with anything but letters, digits, '.', '-', '_' as '?'.
const hostile = [
  ['very long', 'A'.repeat(10_000), /Symbol 'A{32}…' is not valid/],
  ['21 letters', 'A'.repeat(21), /Symbol 'A{21}' is not valid/],
  ['wildcard', '*', /Symbol '\?' is not valid/],
  ['colon (group separator)', 'BTCUSDT:15s', /Symbol 'BTCUSDT\?15s' is not valid/],
  ['unicode', 'ВТСUSDT', /Symbol '\?\?\?USDT' is not valid/],
  ['emoji', '🚀USDT', /Symbol '\?\?USDT' is not valid/],
  ['SQL', "BTCUSDT'; DROP TABLE candles;--", /Symbol 'BTCUSDT\?\?\?DROP\?TABLE\?candles\?--' is not valid/],
  ['path', '../../etc/passwd', /Symbol '\.\.\?\.\.\?etc\?passwd' is not valid/],
  ['control characters', 'BTC\u0000USDT', /Symbol 'BTC\?USDT' is not valid/],
  ['empty', '', /Symbol is required/],
  ['whitespace', '   ', /Symbol is required/],
  ['null', null, /Symbol is required/],
];

test('hostile symbols are each refused, and the connection serves valid calls afterwards', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const candles = recorder(connection, 'candle');

  for (const [name, symbol, expected] of hostile) {
    for (const method of ['Subscribe', 'Unsubscribe']) {
      const text = await refusal(connection, method, symbol, '1m');
      assert.match(text, expected, `${method} ${name}`);
      assert.equal(connection.state, HubConnectionState.Connected, `still connected after ${method} ${name}`);
    }
  }

  for (const interval of [null, '', '*', '1m; DROP', 'x'.repeat(5_000), '１m']) {
    const text = await refusal(connection, 'Subscribe', 'BTCUSDT', interval);
    assert.match(text, /HubException: (Unknown interval|Interval is required|Interval '.*' is not offered)/);
  }

  // Arguments of the wrong type or count never reach the hub; SignalR refuses them itself.
  for (const args of [[42, '1m'], [{ symbol: 'BTCUSDT' }, '1m'], [['BTCUSDT'], '1m'], ['BTCUSDT'], ['BTCUSDT', '1m', 'extra']]) {
    const text = await refusal(connection, 'Subscribe', ...args);
    assert.match(text, /Failed to invoke 'Subscribe'|error on the server/, JSON.stringify(args));
    assert.equal(connection.state, HubConnectionState.Connected);
  }

  await connection.invoke('Subscribe', 'BTCUSDT', '15s');
  const [message] = await candles.until((m) => m.length >= 1, 10_000, 'a candle after the refusals');
  assert.equal(message.symbol, 'BTCUSDT');
});
