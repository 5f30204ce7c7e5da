// Python syntax highlighting for the code pane: turns source text into one HTML string per line.

const KEYWORDS = new Set([
  'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not',
  'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const ASYNC_KEYWORDS = new Set(['async', 'await']);
const CONSTANTS = new Set(['True', 'False', 'None']);
const BUILTINS = new Set([
  'print', 'range', 'len', 'sum', 'min', 'max', 'enumerate', 'zip', 'str', 'int', 'float', 'bool',
  'list', 'dict', 'tuple', 'set', 'isinstance', 'abs', 'round', 'sorted', 'reversed', 'any', 'all',
  'Exception', 'ValueError', 'TypeError', 'KeyError', 'RuntimeError', 'TimeoutError', 'ZeroDivisionError',
]);

/**
 * One sticky regex with a named group per token kind. Strings are matched whole on one line;
 * a triple-quoted string left open continues on the next lines (see `highlightPython`).
 */
const TOKEN = new RegExp(
  [
    '(?<comment>#.*)',
    '(?<triple>[rRbBfFuU]{0,2}(?:"""|\'\'\'))',
    '(?<string>[rRbBfFuU]{0,2}(?:"(?:[^"\\\\]|\\\\.)*"?|\'(?:[^\'\\\\]|\\\\.)*\'?))',
    '(?<number>\\b(?:0[xXoObB][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.[\\d_]*)?(?:[eE][+-]?\\d+)?j?)|\\.\\d[\\d_]*)',
    '(?<decorator>@[A-Za-z_][\\w.]*)',
    '(?<name>[A-Za-z_]\\w*)',
    '(?<space>\\s+)',
    '(?<other>.)',
  ].join('|'),
  'y',
);

export function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function wrap(kind, text) {
  return `<span class="tok-${kind}">${escapeHtml(text)}</span>`;
}

/** Highlights `source`; returns an array of HTML strings, one per line (no newlines inside). */
export function highlightPython(source) {
  const lines = source.split('\n');
  let openQuote = null;
  return lines.map((line) => {
    let html = '';
    let pos = 0;
    if (openQuote) {
      const close = line.indexOf(openQuote);
      if (close < 0) return wrap('string', line);
      pos = close + 3;
      html += wrap('string', line.slice(0, pos));
      openQuote = null;
    }
    let previousName = '';
    TOKEN.lastIndex = pos;
    while (TOKEN.lastIndex < line.length) {
      const match = TOKEN.exec(line);
      const text = match[0];
      const groups = match.groups;
      if (groups.triple) {
        const quote = text.slice(-3);
        const close = line.indexOf(quote, TOKEN.lastIndex);
        if (close < 0) {
          html += wrap('string', line.slice(match.index));
          openQuote = quote;
          break;
        }
        html += wrap('string', line.slice(match.index, close + 3));
        TOKEN.lastIndex = close + 3;
        previousName = '';
        continue;
      }
      html += tokenHtml(groups, text, previousName);
      if (groups.name) previousName = text;
      else if (!groups.space) previousName = '';
    }
    return html;
  });
}

function tokenHtml(groups, text, previousName) {
  if (groups.comment) return wrap('comment', text);
  if (groups.string) return wrap('string', text);
  if (groups.number) return wrap('number', text);
  if (groups.decorator) return wrap('decorator', text);
  if (groups.name) {
    if (ASYNC_KEYWORDS.has(text)) return wrap('async', text);
    if (KEYWORDS.has(text)) return wrap('keyword', text);
    if (CONSTANTS.has(text)) return wrap('constant', text);
    if (previousName === 'def' || previousName === 'class') return wrap('definition', text);
    if (BUILTINS.has(text)) return wrap('builtin', text);
  }
  return escapeHtml(text);
}
