import type { Expr } from '../expressions/expression';
import type { BinaryOperator, UnaryOperator } from '../expressions/operators';
import type { LossName } from '../options';

/**
 * The operators a candidate may use. Structurally the same as the search's resolved options and the
 * simplifier's vocabulary, so either can be passed: an analysis never builds a tree the search could not.
 */
export interface OperatorVocabulary {
  readonly binaryOperators: readonly BinaryOperator[];
  readonly unaryOperators: readonly UnaryOperator[];
}

/** The loss candidates are scored with, as the search scores them. */
export interface LossSpec {
  readonly loss: LossName;
  readonly huberDelta: number;
}

/** What every analysis is given besides the data and the vocabulary. */
export interface AnalysisSettings extends LossSpec {
  /** Largest complexity (node count) of a candidate; larger ones are not returned. */
  readonly maxSize: number;
  /** Polled between steps: once true, the analysis returns what it has finished. */
  readonly isPastDeadline: () => boolean;
}

export type CandidateSource = 'power-law' | 'sparse-regression';

/** A formula an analysis proposes, with its loss on the data it was given (the search's loss). */
export interface StructureCandidate {
  readonly expr: Expr;
  readonly loss: number;
  /** Node count of `expr`, as the search counts complexity. */
  readonly complexity: number;
  readonly source: CandidateSource;
}

export function hasBinary(vocabulary: OperatorVocabulary, op: BinaryOperator): boolean {
  return vocabulary.binaryOperators.includes(op);
}

export function hasUnary(vocabulary: OperatorVocabulary, op: UnaryOperator): boolean {
  return vocabulary.unaryOperators.includes(op);
}
