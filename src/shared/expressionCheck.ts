import type { Expr } from '../engine/expressions/expression';
import { BINARY_OPERATORS, UNARY_OPERATORS } from '../engine/expressions/operators';
import { integerIn, isRecord, oneOf, type Check } from './schema';

/** What the formulas of one search (or one front) may contain. */
export interface FormulaLimits {
  /** Number of feature columns: feature indices go from 0 to this minus one. */
  features: number;
  /** Largest formula, in nodes (the search's `maxSize`; `MAX_COMPLEXITY` for a front in the user's units). */
  maxSize: number;
}

const isBinaryOperator = oneOf(BINARY_OPERATORS);
const isUnaryOperator = oneOf(UNARY_OPERATORS);

/**
 * Whether a value is an expression tree the search could have built: nodes of the known kinds, operators
 * from the operator tables, feature indices in range, at most `maxSize` nodes. The walk visits at most that
 * many nodes and keeps its own stack, so a deep, huge or cyclic value is rejected without deep recursion.
 * A constant may be any number: one that overflowed makes its formula invalid (an infinite loss), not
 * malformed.
 */
export function expressionCheck({ features, maxSize }: FormulaLimits): Check<Expr> {
  const isFeatureIndex = integerIn(0, features - 1);
  return (value): value is Expr => {
    const pending: unknown[] = [value];
    let nodes = 0;
    while (pending.length > 0) {
      const node = pending.pop();
      if (++nodes > maxSize || !isRecord(node)) return false;
      switch (node['kind']) {
        case 'constant':
          if (typeof node['value'] !== 'number') return false;
          break;
        case 'feature':
          if (!isFeatureIndex(node['index'])) return false;
          break;
        case 'unary':
          if (!isUnaryOperator(node['op'])) return false;
          pending.push(node['arg']);
          break;
        case 'binary':
          if (!isBinaryOperator(node['op'])) return false;
          pending.push(node['left'], node['right']);
          break;
        default:
          return false;
      }
    }
    return true;
  };
}
