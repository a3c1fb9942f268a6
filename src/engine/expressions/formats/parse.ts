import {
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  parse,
  type MathNode,
} from 'mathjs';
import { binary, constant, feature, unary, type Expr } from '../expression';
import type { BinaryOperator, UnaryOperator } from '../operators';
import { sanitizeWithRules } from './identifiers';
import { IDENTIFIER_RULES } from './reservedWords';

/** A formula that is not in the canonical grammar; `position` is 1-based, like mathjs's "(char N)". */
export class FormulaParseError extends Error {
  constructor(
    message: string,
    readonly token: string,
    readonly position: number | undefined,
  ) {
    super(message);
    this.name = 'FormulaParseError';
  }
}

const FUNCTIONS: Readonly<Record<string, UnaryOperator>> = {
  sqrt: 'sqrt',
  exp: 'exp',
  log: 'log',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  abs: 'abs',
  square: 'square',
  cube: 'cube',
};

const OPERATORS: Readonly<Record<string, BinaryOperator>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, PI: Math.PI, e: Math.E, E: Math.E };

/** What an unsupported kind of mathjs node is called, and the character that usually introduces it. */
const UNSUPPORTED: Readonly<Record<string, readonly [string, string]>> = {
  AssignmentNode: ['assignment', '='],
  FunctionAssignmentNode: ['function definition', '='],
  ArrayNode: ['matrix', '['],
  MatrixNode: ['matrix', '['],
  IndexNode: ['index', '['],
  AccessorNode: ['property access or index', '.'],
  BlockNode: ['several statements', ';'],
  ConditionalNode: ['conditional', '?'],
  RangeNode: ['range', ':'],
  ObjectNode: ['object', '{'],
  RelationalNode: ['comparison', '<'],
};

interface Token {
  readonly text: string;
  /** 0-based. */
  readonly index: number;
}

const TWO_CHAR_OPERATORS = new Set(['.*', './', '.^', '==', '!=', '<=', '>=', '<<', '>>', '?.']);

/** A rough tokenizer, only used to point error messages at a position. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const m =
      /^\s+/u.exec(rest) ??
      /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(rest) ??
      /^[\p{L}_$][\p{L}\p{N}_$]*/u.exec(rest) ??
      /^"(?:[^"\\]|\\.)*"?/.exec(rest);
    const t = m !== null ? m[0] : TWO_CHAR_OPERATORS.has(rest.slice(0, 2)) ? rest.slice(0, 2) : [...rest][0]!;
    if (!/^\s/u.test(t)) out.push({ text: t, index: i });
    i += t.length;
  }
  return out;
}

/** The variable names a formula may use: the sanitised names, then the original ones that are valid symbols. */
function variableLookup(names: readonly string[]): Map<string, number> {
  const rules = IDENTIFIER_RULES.mathjs;
  const lookup = new Map<string, number>();
  sanitizeWithRules(names, rules).forEach((id, i) => lookup.set(id, i));
  names.forEach((name, i) => {
    if (!lookup.has(name) && rules.isValid(name) && !rules.reserved.has(name)) lookup.set(name, i);
  });
  return lookup;
}

/**
 * The tree of a formula in the canonical (mathjs) text. Accepts numbers, `pi` and `e`, the column names,
 * + - * / ^, unary minus and the functions of the operator set; `-3` is a negative constant while `-(3)`
 * and `-x` are negations, which is what the mathjs format prints.
 */
export function parseExpression(text: string, names: readonly string[]): Expr {
  let tokens: Token[] | undefined;
  const fail = (what: string, token: string, position: number | undefined, detail?: string): never => {
    const where = position === undefined ? '' : ` at char ${position}`;
    const more = detail === undefined ? '' : `: ${detail}`;
    throw new FormulaParseError(`${what} "${token}"${where} in formula "${text}"${more}`, token, position);
  };
  const positionOf = (token: string, occurrence = 0): number | undefined => {
    tokens ??= tokenize(text);
    const found = tokens.filter((t) => t.text === token)[occurrence] ?? tokens.find((t) => t.text.includes(token));
    return found === undefined ? undefined : found.index + 1;
  };

  let root: MathNode;
  try {
    root = parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const char = /\(char (\d+)\)/.exec(message);
    const position = char !== null ? Number(char[1]) : undefined;
    const at = position === undefined ? undefined : tokenize(text).find((t) => t.index + t.text.length >= position);
    const near = at?.text ?? (position !== undefined && position > text.length ? 'end of formula' : text);
    return fail('Syntax error near', near, at !== undefined ? at.index + 1 : position, message.replace(/\s*\(char \d+\)/, ''));
  }
  if (isConstantNode(root) && root.value === undefined && text.trim() === '') {
    throw new FormulaParseError('Empty formula', '', undefined);
  }

  const variables = variableLookup(names);
  // Identifiers are met in the order they appear in the text, so the k-th one met named x is the k-th x.
  const seen = new Map<string, number>();
  const identifier = (name: string): (() => number | undefined) => {
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    return () => positionOf(name, k);
  };

  const convert = (node: MathNode): Expr => {
    if (isParenthesisNode(node)) return convert(node.content);
    if (isConstantNode(node)) {
      if (typeof node.value === 'number') return constant(node.value);
      const token = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
      return fail('Unsupported value', token, typeof node.value === 'string' ? positionOf(token) : identifier(token)());
    }
    if (isSymbolNode(node)) {
      const position = identifier(node.name);
      const index = variables.get(node.name);
      if (index !== undefined) return feature(index);
      const value = CONSTANTS[node.name];
      if (value !== undefined) return constant(value);
      return fail('Unknown variable', node.name, position());
    }
    if (isFunctionNode(node)) {
      const fn = node.fn as MathNode;
      const name = isSymbolNode(fn) ? fn.name : fn.toString();
      const position = identifier(name);
      const op = FUNCTIONS[name];
      if (op === undefined) return fail('Unknown function', name, position());
      if (node.args.length !== 1) return fail('Function', name, position(), `takes 1 argument, got ${node.args.length}`);
      return unary(op, convert(node.args[0]!));
    }
    if (isOperatorNode(node)) {
      const args = node.args as MathNode[];
      if (node.fn === 'unaryMinus' && args.length === 1) {
        const arg = args[0]!;
        if (isConstantNode(arg) && typeof arg.value === 'number') return constant(-arg.value);
        return unary('neg', convert(arg));
      }
      const op = OPERATORS[node.fn];
      if (op !== undefined && args.length === 2) {
        const left = convert(args[0]!);
        return binary(op, left, convert(args[1]!));
      }
      return fail('Unsupported operator', node.op, positionOf(node.op));
    }
    const [what, token] = UNSUPPORTED[node.type] ?? [node.type, node.toString()];
    return fail(`Unsupported ${what}`, token, positionOf(token));
  };

  return convert(root);
}
