// data_updated over the public hub: the fetcher commits official 15s candles after each bucket
// closes (plus a grace of 2 s), so one arrives within about 17 s of subscribing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, recorder } from './hub.mjs';

test('BTCUSDT 15s: data_updated arrives after a bucket closes', async (t) => {
  const connection = await connect();
  t.after(() => connection.stop());
  const updates = recorder(connection, 'data_updated');
  const other = recorder(connection, 'candle');

  await connection.invoke('Subscribe', 'BTCUSDT', '15s');
  const [update] = await updates.until((m) => m.length >= 1, 40_000, 'data_updated');

  assert.match(update.exchange, /^[a-z0-9]+$/, 'lower-case exchange name');
  assert.equal(update.symbol, 'BTCUSDT');
  assert.equal(update.interval, '15s');
  assert.ok(Number.isInteger(update.count) && update.count >= 1, `count ${update.count}`);
  assert.equal(update.from % 15_000, 0);
  assert.equal(update.to % 15_000, 0);
  assert.ok(update.from <= update.to && update.to < update.receivedAt, 'a committed range of closed buckets');
  assert.ok((update.to - update.from) / 15_000 + 1 >= update.count);
  // Only the followed series' updates reach this connection.
  assert.ok(updates.messages.every((m) => m.symbol === 'BTCUSDT' && m.interval === '15s'));
  assert.ok(other.messages.every((m) => m.symbol === 'BTCUSDT'));
});
