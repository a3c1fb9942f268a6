import type { Expr } from '../expressions/expression';

/**
 * A formula and its loss on all rows: what islands, worker threads and polishing hand each other. Richer
 * entries (population members, hall-of-fame entries) are formulas too; `formulaOf` keeps only these fields.
 */
export interface Formula {
  readonly expr: Expr;
  readonly loss: number;
}

/** The formula part of a richer entry, for sending it to another thread without its other fields. */
export function formulaOf({ expr, loss }: Formula): Formula {
  return { expr, loss };
}
