import { lossLabel } from '../../src/engine/evaluation/loss';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Drops the trailing zeros `toExponential` leaves: 2.500 -> 2.5, 3.000 -> 3. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A number with `digits` significant digits, in scientific notation (1.13 × 10⁵) when it is very large or
 * very small, so that losses spanning many orders of magnitude stay comparable at a glance.
 */
export function formatNumber(value: number, digits = 3, plainBelow = 1e5): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  // Rounded through toPrecision, printed by String: 31135.2 -> 31140 rather than toPrecision's "3.114e+4".
  const rounded = Number(value.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e-3 && magnitude < plainBelow) return String(rounded).replace('-', '−');
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e') as [string, string];
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
  return `${trimZeros(mantissa).replace('-', '−')} × 10${power}`;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumSignificantDigits: 3 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Counts people read at a glance: 965K, 1.2M. */
export function formatCount(value: number): string {
  return value < 10_000 ? whole.format(value) : compact.format(value);
}

/** The exact count, for tooltips and screen readers. */
export function formatExactCount(value: number): string {
  return whole.format(value);
}

/** Elapsed time: 0.7 s, 42 s, 3 min 05 s, 1 h 02 min. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const total = Math.round(seconds);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

/** A configured limit: 45 s, 1 min, 2 min 30 s. */
export function formatTimeLimit(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  const minutes = Math.floor(total / 60);
  if (minutes >= 60) return formatDuration(total);
  return total % 60 === 0 ? `${minutes} min` : `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
}

export function formatLossName(loss: string): string {
  return lossLabel(loss);
}

const OPERATOR_SYMBOLS: Record<string, string> = { '-': '−', '*': '×', '/': '÷' };

export function formatOperators(operators: readonly string[]): string {
  return operators.map((op) => OPERATOR_SYMBOLS[op] ?? op).join(' ');
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
