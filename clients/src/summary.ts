// A typed consumer of the generated operation types: sums a page of transactions per month and currency, exactly.
// It compiles under `tsc --strict` only if the schema declares the fields it reads non-null and maps the scalars
// (amount: string, bookingDate: string), which is what the codegen check in run-tests.sh is for.
import type { TransactionsPageQuery } from './generated/operations';

export type TransactionNode = TransactionsPageQuery['fctTransactions']['nodes'][number];

export interface MonthTotals {
  /** "YYYY-MM" */
  readonly month: string;
  readonly currency: string;
  readonly transactionCount: number;
  readonly inCents: bigint;
  readonly outCents: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "-12.3" -> -1230n. Money arrives as a decimal string; BigInt cents keep every sum exact. */
export function toCents(amount: string): bigint {
  const match = DECIMAL.exec(amount);
  if (match === null) throw new RangeError(`not an amount with at most two decimals: ${amount}`);
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** -1230n -> "-12.30" */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Totals per month and currency, oldest month first; currencies are never added together. */
export function monthlyTotals(nodes: readonly TransactionNode[]): MonthTotals[] {
  const totals = new Map<string, MonthTotals>();
  for (const node of nodes) {
    const month = node.bookingDate.slice(0, 7);
    const key = `${month} ${node.currency}`;
    const cents = toCents(node.amount);
    const previous = totals.get(key) ?? { month, currency: node.currency, transactionCount: 0, inCents: 0n, outCents: 0n };
    totals.set(key, {
      ...previous,
      transactionCount: previous.transactionCount + 1,
      inCents: cents > 0n ? previous.inCents + cents : previous.inCents,
      outCents: cents < 0n ? previous.outCents - cents : previous.outCents,
    });
  }
  return [...totals.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
}

/** One line for a transaction list: account, description and tag names. */
export function label(node: TransactionNode): string {
  const tags = node.tags.map((tag) => tag.tagName).join(', ');
  // The account relation may stay nullable in the schema (a join, not a dbt column): read it defensively.
  return `${node.account?.accountName ?? ''}: ${node.description ?? ''}${tags ? ` [${tags}]` : ''}`;
}
