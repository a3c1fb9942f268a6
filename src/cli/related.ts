import { isFunctionNode, isSymbolNode, parse, type MathNode } from 'mathjs';
import type { Expr } from '../engine/expressions/expression';
import { parseExpression } from '../engine/expressions/formats';
import { rankPapers } from '../showcase/rank';
import { classifyFormula } from '../showcase/shape';
import { SHAPE_WORDS } from '../showcase/shape-words';
import type { RelatedPaper } from '../showcase/types';

export interface RelatedOptions {
  readonly columns?: string[];
  readonly description?: string;
  /** mathjs text over the column names, e.g. `2.1 * halo_mass ^ 0.7`. */
  readonly formula?: string;
  readonly format: 'table' | 'json';
}

const NAMED_CONSTANTS = new Set(['pi', 'PI', 'e', 'E']);

/** The variables of a formula in order of first appearance; none if it does not parse (the parser will say why). */
function symbolsOf(text: string): string[] {
  let root: MathNode;
  try {
    root = parse(text);
  } catch {
    return [];
  }
  const names: string[] = [];
  root.traverse((node, _path, parent) => {
    const isCallee = parent !== null && isFunctionNode(parent) && parent.fn === node;
    if (!isSymbolNode(node) || isCallee || names.includes(node.name) || NAMED_CONSTANTS.has(node.name)) return;
    names.push(node.name);
  });
  return names;
}

/**
 * Parses mathjs text into an expression whose feature i is `names[i]`. Without names, the formula's own variables
 * become the columns, in order of appearance.
 */
export function parseFormula(text: string, names?: readonly string[]): { expr: Expr; names: string[] } {
  const columns = names ? [...names] : symbolsOf(text);
  return { expr: parseExpression(text, columns), names: columns };
}

export interface RelatedJson {
  title: string;
  link: string;
  year: number;
  score: number;
  reasons: string[];
}

export function toJson(results: readonly RelatedPaper[]): RelatedJson[] {
  return results.map((r) => ({
    title: r.paper.title,
    link: r.paper.link,
    year: r.paper.year,
    score: Math.round(r.score * 1000) / 1000,
    reasons: [...r.reasons],
  }));
}

function table(results: readonly RelatedPaper[], shapes: readonly string[]): string {
  const lines: string[] = [];
  if (shapes.length > 0) lines.push(`Formula shape: ${shapes.join(', ')}`, '');
  if (results.length === 0) {
    lines.push('No paper of the research showcase is close to this run.');
    return `${lines.join('\n')}\n`;
  }
  const rank = String(results.length).length;
  const header = `${'#'.padStart(rank)}  Score  Year  Paper`;
  const indent = ' '.repeat(header.indexOf('Paper'));
  lines.push(header);
  results.forEach((r, i) => {
    lines.push(`${String(i + 1).padStart(rank)}  ${r.score.toFixed(2).padStart(5)}  ${r.paper.year}  ${r.paper.title}`);
    lines.push(`${indent}${r.paper.link}`);
    for (const reason of r.reasons) lines.push(`${indent}- ${reason}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The `eqd related` command: papers of the research showcase close to a run, as a table or JSON. */
export function relatedCommand(options: RelatedOptions): string {
  let columns = options.columns;
  let formula: Expr | undefined;
  if (options.formula !== undefined && options.formula.trim() !== '') {
    const parsed = parseFormula(options.formula, columns);
    formula = parsed.expr;
    columns = parsed.names;
  }
  const results = rankPapers({ columns, description: options.description, formula });
  if (options.format === 'json') return `${JSON.stringify(toJson(results), null, 2)}\n`;
  const shapes = formula ? classifyFormula(formula).map((s) => SHAPE_WORDS[s].phrase) : [];
  return table(results, shapes);
}
