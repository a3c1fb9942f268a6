export { CODE_FORMATS, FORMAT_NAMES, isFormatName, type CodeFormat, type FormatName } from './types';
export { formatExpression, identifierMapping, sanitizeIdentifiers, type FormatOptions } from './format';
export { FormulaParseError, parseExpression } from './parse';
export { latexName } from './latexNames';
export {
  formatForLanguageId,
  formatSnippet,
  LANGUAGE_FORMATS,
  type SnippetOptions,
} from './snippet';
