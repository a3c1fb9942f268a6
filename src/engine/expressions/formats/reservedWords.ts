import type { IdentifierRules } from './identifiers';
import type { CodeFormat } from './types';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** The functions every language's formulas call by these plain names. */
const MATH_FUNCTIONS = 'sqrt exp log sin cos tan tanh abs';

function matches(pattern: RegExp, normalForm?: 'NFC' | 'NFKC'): (name: string) => boolean {
  return (name) => pattern.test(name) && (normalForm === undefined || name.normalize(normalForm) === name);
}

const MATHJS_VALUE_WORDS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

/*
 * The characters mathjs's parser reads as a symbol's (mathjs 15, `parse.isAlpha` and `parse.isDigit`), written
 * out here so that formatting does not load mathjs: the threads that present fronts would otherwise spend most
 * of their start loading it. `mathjs symbols` in test/unit/formats/identifiers.test.ts checks them against it.
 */
const MATHJS_LATIN_OR_GREEK = /^[a-zA-Z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/;
const MATHJS_MATH_SYMBOL_LOW =
  /^[^\uDC55\uDC9D\uDCA0\uDCA1\uDCA3\uDCA4\uDCA7\uDCA8\uDCAD\uDCBA\uDCBC\uDCC4\uDD06\uDD0B\uDD0C\uDD15\uDD1D\uDD3A\uDD3F\uDD45\uDD47-\uDD49\uDD51\uDEA6\uDEA7\uDFCC\uDFCD]$/;

/** A mathematical alphanumeric symbol (U+1D400 ..), as the two UTF-16 units mathjs reads one at a time. */
function isMathjsMathSymbol(high: string, low: string): boolean {
  return high === '\uD835' && low >= '\uDC00' && low <= '\uDFFF' && MATHJS_MATH_SYMBOL_LOW.test(low);
}

function isMathjsAlpha(c: string, previous: string, next: string): boolean {
  return MATHJS_LATIN_OR_GREEK.test(c) || isMathjsMathSymbol(c, next) || isMathjsMathSymbol(previous, c);
}

/** Whether mathjs parses `name` as that one symbol. */
function isMathjsSymbol(name: string): boolean {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return !MATHJS_VALUE_WORDS.has(name);
  if (name === '') return false;
  // Not ASCII, so none of mathjs's words (true, mod, ...): one symbol exactly when its characters are a symbol's.
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const digit = c >= '0' && c <= '9';
    if (!(isMathjsAlpha(c, name[i - 1] ?? '', name[i + 1] ?? '') || (digit && i > 0))) return false;
  }
  return true;
}

const PYTHON = `False None True and as assert async await break class continue def del elif else except finally
  for from global if import in is lambda nonlocal not or pass raise return try while with yield np numpy`;

const JAVASCRIPT = `break case catch class const continue debugger default delete do else enum export extends false
  finally for function if implements import in instanceof interface let new null package private protected public
  return static super switch this throw true try typeof var void while with yield await async of arguments eval
  Math NaN Infinity undefined globalThis`;

const C_KEYWORDS = `auto break case char const continue default do double else enum extern float for goto if inline int
  long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while
  alignas alignof and and_eq asm bitand bitor bool catch char8_t char16_t char32_t class compl concept consteval
  constexpr constinit const_cast co_await co_return co_yield decltype delete dynamic_cast explicit export false
  friend module mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public
  reinterpret_cast requires static_assert static_cast template this thread_local throw true try typeid typename
  using virtual wchar_t xor xor_eq main std`;

// <math.h> declares these at file scope (j0 ... yn are POSIX Bessel functions, easily a column's name), and a
// snippet pasted at file scope must not redeclare them.
const C_MATH = `${MATH_FUNCTIONS} fabs pow acos asin atan atan2 cosh sinh acosh asinh atanh exp2 expm1 frexp ilogb
  ldexp log10 log1p log2 logb modf scalbn scalbln cbrt hypot erf erfc lgamma tgamma gamma ceil floor nearbyint rint
  lrint llrint round lround llround trunc fmod remainder remquo copysign nan nextafter nexttoward fdim fmax fmin fma
  j0 j1 jn y0 y1 yn isnan isinf isfinite signbit fpclassify NAN INFINITY HUGE_VAL M_PI M_E errno`;

const JULIA = `baremodule begin break catch const continue do else elseif end export false finally for function
  global if import let local macro module quote return struct true try using while abstract mutable primitive type
  where in isa outer public pi π ℯ im Inf NaN Inf64 NaN64 missing nothing ${MATH_FUNCTIONS}`;

const RUST = `as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub
  ref return self Self static struct super trait true type unsafe use where while async await dyn abstract become
  box do final macro override priv typeof unsized virtual yield try gen union f64 f32`;

const MATLAB = `break case catch classdef continue else elseif end for function global if otherwise parfor
  persistent return spmd switch try while unwind_protect do until pi e i j I J Inf inf NaN nan NA eps ans true false
  ${MATH_FUNCTIONS}`;

const R = `if else repeat while function for next break TRUE FALSE NULL Inf NaN NA NA_integer_ NA_real_
  NA_character_ NA_complex_ in T F pi ${MATH_FUNCTIONS}`;

// Names the mathjs parser or `mathjs.evaluate` give a meaning of their own: constants, operator words, and the
// functions the canonical text calls (a scope variable named like a function would shadow it).
const MATHJS = `e E pi PI i tau phi Infinity NaN null true false undefined LN2 LN10 LOG2E LOG10E SQRT1_2 SQRT2
  version uninitialized mod to in and or xor not end square cube ${MATH_FUNCTIONS}`;

export const IDENTIFIER_RULES: Readonly<Record<CodeFormat, IdentifierRules>> = {
  mathjs: { isValid: isMathjsSymbol, reserved: words(MATHJS), asciiOnly: false },
  python: {
    isValid: matches(/^[\p{XID_Start}_][\p{XID_Continue}]*$/u, 'NFKC'),
    reserved: words(PYTHON),
    asciiOnly: false,
  },
  javascript: {
    isValid: matches(/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u, 'NFC'),
    reserved: words(JAVASCRIPT),
    asciiOnly: false,
  },
  c: { isValid: matches(/^[A-Za-z][A-Za-z0-9_]*$/), reserved: words(`${C_KEYWORDS} ${C_MATH}`), asciiOnly: true },
  // All-underscore names are write-only in Julia.
  julia: { isValid: matches(/^(?=_*[^_])[\p{L}_][\p{L}\p{N}_]*$/u, 'NFC'), reserved: words(JULIA), asciiOnly: false },
  rust: { isValid: matches(/^(?:\p{XID_Start}|_\p{XID_Continue})\p{XID_Continue}*$/u, 'NFC'), reserved: words(RUST), asciiOnly: false },
  matlab: { isValid: matches(/^[A-Za-z][A-Za-z0-9_]*$/), reserved: words(MATLAB), asciiOnly: true, maxLength: 63 },
  // R's parser stops at a name longer than its 8192-byte token buffer ("input buffer overflow").
  r: { isValid: matches(/^(?:[A-Za-z]|\.[A-Za-z_])[A-Za-z0-9._]*$/), reserved: words(R), asciiOnly: true, maxLength: 8000 },
};
