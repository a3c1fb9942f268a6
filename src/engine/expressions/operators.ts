/**
 * The operator vocabulary of expressions and their scalar semantics.
 *
 * Every output format (JavaScript, Python, C, ...) must reproduce exactly these semantics: plain IEEE-754
 * arithmetic, where a value outside an operator's domain (sqrt(-1), log(0), 1/0, (-2)^0.5) becomes NaN or
 * Infinity and makes the candidate invalid rather than being patched up.
 */

export const BINARY_OPERATORS = ['+', '-', '*', '/', '^'] as const;
export const UNARY_OPERATORS = [
  'neg',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'tan',
  'tanh',
  'abs',
  'square',
  'cube',
] as const;

export type BinaryOperator = (typeof BINARY_OPERATORS)[number];
export type UnaryOperator = (typeof UNARY_OPERATORS)[number];

export function isBinaryOperator(name: string): name is BinaryOperator {
  return (BINARY_OPERATORS as readonly string[]).includes(name);
}

export function isUnaryOperator(name: string): name is UnaryOperator {
  return (UNARY_OPERATORS as readonly string[]).includes(name);
}

export function applyBinary(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
  }
}

export function applyUnary(op: UnaryOperator, x: number): number {
  switch (op) {
    case 'neg':
      return -x;
    case 'sqrt':
      return Math.sqrt(x);
    case 'exp':
      return Math.exp(x);
    case 'log':
      return Math.log(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tan':
      return Math.tan(x);
    case 'tanh':
      return Math.tanh(x);
    case 'abs':
      return Math.abs(x);
    case 'square':
      return x * x;
    case 'cube':
      return x * x * x;
  }
}

/** Derivative of a unary operator at x, given y = op(x) (reused to save a transcendental call). */
export function unaryDerivative(op: UnaryOperator, x: number, y: number): number {
  switch (op) {
    case 'neg':
      return -1;
    case 'sqrt':
      return 0.5 / y;
    case 'exp':
      return y;
    case 'log':
      return 1 / x;
    case 'sin':
      return Math.cos(x);
    case 'cos':
      return -Math.sin(x);
    case 'tan':
      return 1 + y * y;
    case 'tanh':
      return 1 - y * y;
    case 'abs':
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    case 'square':
      return 2 * x;
    case 'cube':
      return 3 * x * x;
  }
}
