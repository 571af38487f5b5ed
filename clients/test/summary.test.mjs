// Pure logic of src/summary.ts (no gateway needed): exact cents, formatting, grouping per month and currency.
// esbuild strips the TypeScript (the generated types are type-only imports) and the module is loaded from memory.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'summary.ts');
const bundle = await build({ entryPoints: [source], bundle: true, write: false, format: 'esm', logLevel: 'warning' });
const { toCents, formatCents, monthlyTotals } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const row = (bookingDate, amount, currency = 'EUR') => ({ bookingDate, amount, currency });

test('amountWithOneOrTwoDecimalsBecomesExactCents', () => {
  assert.equal(toCents('-12.3'), -1230n);
  assert.equal(toCents('0.07'), 7n);
  assert.equal(toCents('42'), 4200n);
  assert.equal(toCents('-0.05'), -5n);
});

test('amountWithThreeDecimalsOrAnExponentIsRefused', () => {
  assert.throws(() => toCents('1.005'), RangeError);
  assert.throws(() => toCents('1e3'), RangeError);
});

test('centsAreFormattedBackWithTwoDecimals', () => {
  assert.equal(formatCents(-5n), '-0.05');
  assert.equal(formatCents(0n), '0.00');
  assert.equal(formatCents(123456n), '1234.56');
});

test('tenthsThatFloatsRoundAreSummedExactly', () => {
  // 0.1 + 0.2 style sums: 30 times 0.10 is 3.00 exactly, where doubles give 3.0000000000000013.
  const [march] = monthlyTotals(Array.from({ length: 30 }, () => row('2026-03-02', '0.10')));
  assert.equal(formatCents(march.inCents), '3.00');
});

test('rowsAreGroupedPerMonthAndCurrencyOldestFirst', () => {
  const totals = monthlyTotals([
    row('2026-03-31', '-20.00'), row('2026-02-01', '100.50'), row('2026-03-01', '5.25'), row('2026-03-15', '-1.00', 'USD'),
  ]);
  assert.deepEqual(totals.map((t) => [t.month, t.currency, t.transactionCount, formatCents(t.inCents), formatCents(t.outCents)]), [
    ['2026-02', 'EUR', 1, '100.50', '0.00'],
    ['2026-03', 'EUR', 2, '5.25', '20.00'],
    ['2026-03', 'USD', 1, '0.00', '1.00'],
  ]);
});
