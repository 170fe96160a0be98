/**
 * Splitting a pasted shell command into words as bash would, keeping each word's span: `'…'`, `"…"` with its
 * backslash escapes, `$'…'` (ANSI-C quoting), backslashes, `\`-newline continuations, comments, and the end of
 * the command at a newline, `|`, `;` or `&`. Variables are not expanded: they are reported.
 * https://www.gnu.org/software/bash/manual/bash.html#Quoting
 */

import { problem, type Problem, type Span } from '../types';
import { decodeAnsiC } from './ansi-c';

/** A word after quote removal, and the span of the command text it was written as. */
export interface ShellWord {
  text: string;
  span: Span;
}

/** The words of the first command in a text, where that command ended, and what was noticed on the way. */
export interface ShellWords {
  words: ShellWord[];
  end: number;
  problems: Problem[];
}

const BLANK = /[ \t\r]/;
const OPERATOR = /[|;&<>()]/;
const VARIABLE = /^\$(?:\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*)/;
/** The length of a `\`-newline continuation at `at` (2, or 3 with CRLF), else 0. */
function continuation(text: string, at: number): number {
  if (text[at] !== '\\') return 0;
  if (text[at + 1] === '\n') return 2;
  return text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 0;
}

/** Splits the first bash command in `text`, starting at `from`. */
export function splitBashWords(text: string, from = 0): ShellWords {
  const words: ShellWord[] = [];
  const problems: Problem[] = [];
  const n = text.length;
  const unterminated = (at: number, what: string) => {
    problems.push(problem('shell-quote', `This ${what} is never closed.`, { start: at, end: n }));
    return n;
  };
  const variable = (at: number) => {
    const name = VARIABLE.exec(text.slice(at, at + 200))![0];
    problems.push(
      problem(
        'shell-variable',
        `The shell would expand ${name} here; it is read as written.`,
        {
          start: at,
          end: at + name.length,
        },
        { severity: 'warning', hint: 'Replace it with its value.' },
      ),
    );
  };
  const readDoubleQuoted = (open: number): [string, number] => {
    let out = '';
    let j = open + 1;
    while (j < n && text[j] !== '"') {
      const skip = continuation(text, j);
      if (skip > 0) j += skip;
      else if (text[j] === '\\' && '$`"\\'.includes(text[j + 1] ?? 'x')) {
        out += text[j + 1];
        j += 2;
      } else {
        if (VARIABLE.test(text.slice(j, j + 2))) variable(j);
        out += text[j++];
      }
    }
    return j < n ? [out, j + 1] : [out, unterminated(open, 'double-quoted string')];
  };
  const readWord = (start: number): [string, number] => {
    let out = '';
    let i = start;
    while (i < n && !BLANK.test(text[i]!) && text[i] !== '\n' && !OPERATOR.test(text[i]!)) {
      const c = text[i]!;
      const skip = continuation(text, i);
      if (skip > 0) {
        i += skip;
      } else if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) return [out, unterminated(i, 'single-quoted string')];
        out += text.slice(i + 1, close);
        i = close + 1;
      } else if (c === '$' && text[i + 1] === "'") {
        const { value, close } = decodeAnsiC(text, i + 2);
        if (close < 0) return [out, unterminated(i, "$'…' string")];
        out += value;
        i = close + 1;
      } else if (c === '"' || (c === '$' && text[i + 1] === '"')) {
        const [value, next] = readDoubleQuoted(c === '$' ? i + 1 : i);
        out += value;
        i = next;
      } else {
        if (c === '$' && VARIABLE.test(text.slice(i, i + 2))) variable(i);
        out += c;
        i++;
      }
    }
    return [out, Math.min(i, n)];
  };

  let i = from;
  while (i < n) {
    const c = text[i]!;
    const skip = continuation(text, i);
    if (skip > 0 || BLANK.test(c)) {
      i += skip || 1;
    } else if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '\n') {
      // A line starting with an option still belongs to the command when its backslash was lost in the copy.
      const next = /\S/g;
      next.lastIndex = i;
      const at = next.exec(text)?.index;
      if (at === undefined || text[at] !== '-') break;
      i = at;
    } else if (c === '<' || c === '>') {
      // A redirection: the operator, its target, and an fd number written right before it are dropped.
      const last = words.at(-1);
      if (last && last.span.end === i && /^\d+$/.test(last.text)) words.pop();
      i += /^[<>]+&?/.exec(text.slice(i))![0].length;
      while (i < n && BLANK.test(text[i]!)) i++;
      i = readWord(i)[1];
    } else if (OPERATOR.test(c)) {
      break;
    } else {
      const [word, end] = readWord(i);
      words.push({ text: word, span: { start: i, end } });
      i = end;
    }
  }
  return { words, end: i, problems };
}
