import type { Expr } from '../expressions/expression';

/** The structure of a tree with every constant written `c`: one key per form, whatever its fitted values. */
export function formKey(e: Expr): string {
  switch (e.kind) {
    case 'constant':
      return 'c';
    case 'feature':
      return `x${e.index}`;
    case 'unary':
      return `${e.op}(${formKey(e.arg)})`;
    case 'binary':
      return `(${formKey(e.left)}${e.op}${formKey(e.right)})`;
  }
}
