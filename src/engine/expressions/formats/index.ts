export { CODE_FORMATS, FORMAT_NAMES, isFormatName, type CodeFormat, type FormatName } from './types';
export { formatExpression, identifierMapping, sanitizeIdentifiers, type FormatOptions } from './format';
export { FormulaParseError, parseExpression } from './parse';
export { latexName } from './latexNames';
export {
  formatComment,
  formatForLanguageId,
  formatSnippet,
  LANGUAGE_FORMATS,
  type SnippetOptions,
} from './snippet';
export { commentLine, escapeUnprintable, quotedName, shownText, type CommentLanguage } from './commentText';
export { provenanceLines, type FitResult, type FitSource } from './provenance';
