// Live candles over the public hub: values, ordering and unsubscribe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, recorder } from './hub.mjs';

const decimal = /^\d+(\.\d+)?$/;

test('BTCUSDT 15s: live candles arrive with exact, consistent values', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const candles = recorder(connection, 'candle');

  await connection.invoke('Subscribe', 'BTCUSDT', '15s');
  await candles.until((m) => m.length >= 10, 15_000, '10 candles');

  let previous;
  for (const m of candles.messages) {
    // The candle inside the message is the REST API's candle contract.
    const c = m.candle;
    assert.equal(m.symbol, 'BTCUSDT');
    assert.equal(m.interval, '15s');
    assert.equal(c.openTime % 15_000, 0, 'openTime is on a 15 s boundary');
    for (const field of ['open', 'high', 'low', 'close', 'volume', 'quoteVolume']) {
      assert.match(c[field], decimal, `${field} is an exact decimal string`);
    }
    const [open, high, low, close] = [c.open, c.high, c.low, c.close].map(Number);
    assert.ok(high >= Math.max(open, close) && low <= Math.min(open, close) && low > 0, `OHLC consistent: ${JSON.stringify(c)}`);
    assert.ok(Number(c.volume) >= 0 && Number(c.quoteVolume) >= 0);
    assert.ok(Number.isInteger(c.tradeCount) && c.tradeCount >= 0);
    assert.equal(typeof c.closed, 'boolean');
    assert.equal(c.source, 'live');
    assert.ok(Math.abs(m.receivedAt - m.sentAt) < 5_000, 'sentAt is the server clock at send time');
    if (previous) {
      assert.ok(c.openTime >= previous.openTime, 'open times never go back');
      if (c.openTime === previous.openTime) {
        // The same bucket only grows: more trades, more volume, a wider range, the same open.
        assert.equal(c.open, previous.open);
        assert.ok(c.tradeCount >= previous.tradeCount);
        assert.ok(Number(c.volume) >= Number(previous.volume));
        assert.ok(Number(c.high) >= Number(previous.high) && Number(c.low) <= Number(previous.low));
        assert.ok(!previous.closed, 'nothing follows a closed candle in its bucket');
      }
    }
    previous = c;
  }
  assert.ok(candles.messages.some((m) => m.candle.tradeCount > 0), 'trades reach the candles');
});

test('symbols are normalized: btcusdt follows BTCUSDT', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const candles = recorder(connection, 'candle');

  await connection.invoke('Subscribe', ' btcusdt ', '15s');
  const [first] = await candles.until((m) => m.length >= 1, 10_000, 'a candle');
  assert.equal(first.symbol, 'BTCUSDT');
});

test('unsubscribe stops the series; other series go on', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const candles = recorder(connection, 'candle');

  await connection.invoke('Subscribe', 'BTCUSDT', '15s');
  await connection.invoke('Subscribe', 'ETHUSDT', '15s');
  await candles.until((m) => m.some((c) => c.symbol === 'BTCUSDT'), 10_000, 'a BTCUSDT candle');

  await connection.invoke('Unsubscribe', 'BTCUSDT', '15s');
  // Messages sent before the unsubscribe completed arrive before its completion; none after it.
  const cut = candles.messages.length;
  await candles.until((m) => m.slice(cut).filter((c) => c.symbol === 'ETHUSDT').length >= 5, 10_000, '5 more ETHUSDT candles');
  assert.deepEqual(candles.messages.slice(cut).filter((c) => c.symbol === 'BTCUSDT'), []);

  // Unsubscribing again is harmless.
  await connection.invoke('Unsubscribe', 'BTCUSDT', '15s');
});

test('many connections on one series each receive it', async (t) => {
  const connections = await Promise.all(Array.from({ length: 5 }, connect));
  t.after(() => Promise.all(connections.map((c) => c.stop())));
  const recorders = connections.map((c) => recorder(c, 'candle'));
  await Promise.all(connections.map((c) => c.invoke('Subscribe', 'SOLUSDT', '1m')));
  await Promise.all(recorders.map((r) => r.until((m) => m.length >= 3, 10_000, '3 SOLUSDT candles')));
  for (const r of recorders) {
    assert.ok(r.messages.every((c) => c.symbol === 'SOLUSDT' && c.interval === '1m'));
  }
});
