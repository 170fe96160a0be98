import { describe, expect, it } from 'vitest';
import { decodeAnsiC } from '../../../src/lib/sig/request/ansi-c';
import { looksLikeCmd, splitCmdWords } from '../../../src/lib/sig/request/cmd-words';
import { splitBashWords } from '../../../src/lib/sig/request/shell-words';

const words = (text: string) => splitBashWords(text).words.map((w) => w.text);

describe('splitBashWords', () => {
  it('removes quotes the way bash does', () => {
    expect(words(`curl 'a b' "c \\"d\\" \\$e \\x" f\\ g h'i'"j"`)).toEqual([
      'curl',
      'a b',
      'c "d" $e \\x',
      'f g',
      'hij',
    ]);
  });

  it('joins backslash-newline continuations, LF or CRLF', () => {
    expect(words('curl \\\n  -H x \\\r\n  url')).toEqual(['curl', '-H', 'x', 'url']);
    expect(words('curl "a\\\nb"')).toEqual(['curl', 'ab']);
  });

  it('keeps empty quoted words', () => {
    expect(words(`curl -A '' ""`)).toEqual(['curl', '-A', '', '']);
  });

  it('ends the command at a newline unless the next line starts with an option', () => {
    const split = splitBashWords('curl url\n  -H x\necho done');
    expect(split.words.map((w) => w.text)).toEqual(['curl', 'url', '-H', 'x']);
    expect(split.end).toBe('curl url\n  -H x'.length);
  });

  it('stops at | ; & and skips comments and redirections', () => {
    expect(words('curl a # comment\n')).toEqual(['curl', 'a']);
    expect(words('curl a > out.json 2>&1 b | jq')).toEqual(['curl', 'a', 'b']);
    expect(words('curl a; echo')).toEqual(['curl', 'a']);
  });

  it('gives each word the span it was written as', () => {
    const text = `curl  -H 'x: y'`;
    expect(splitBashWords(text).words.map((w) => text.slice(w.span.start, w.span.end))).toEqual([
      'curl',
      '-H',
      "'x: y'",
    ]);
  });

  it('reports an unclosed quote and an unexpanded variable', () => {
    expect(splitBashWords(`curl 'abc`).problems[0]).toMatchObject({
      kind: 'shell-quote',
      span: { start: 5, end: 9 },
    });
    expect(splitBashWords('curl "$HOME/x" ${A}').problems.map((p) => p.message)).toEqual([
      'The shell would expand $HOME here; it is read as written.',
      'The shell would expand ${A} here; it is read as written.',
    ]);
  });
});

describe('decodeAnsiC', () => {
  const decode = (body: string) => decodeAnsiC(body + "'", 0).value;

  it('decodes the escapes Chrome writes', () => {
    expect(decode(`it\\'s \\u0021\\n\\r\\t\\\\`)).toBe("it's !\n\r\t\\");
  });

  it('reads \\x and octal escapes as UTF-8 bytes', () => {
    expect(decode('caf\\xc3\\xa9 \\101\\x')).toBe('café A\\x');
    expect(decode('\\U0001F600 \\cA \\e')).toBe('😀 \x01 \x1b');
  });

  it('says when the closing quote is missing', () => {
    expect(decodeAnsiC('abc', 0).close).toBe(-1);
  });
});

describe('splitCmdWords', () => {
  const cmd = (text: string) => splitCmdWords(text).words.map((w) => w.text);

  it('tells cmd.exe commands by their carets', () => {
    expect(looksLikeCmd('curl ^"https://h/^" ^\n -H x')).toBe(true);
    expect(looksLikeCmd("curl 'https://h/' \\\n -H x")).toBe(false);
  });

  it('removes carets, then splits as the C runtime does', () => {
    expect(cmd('curl ^"a b^" ^\n  -H ^"x: ^\\^"q^\\^"^" "plain arg" ^%PATH^%')).toEqual([
      'curl',
      'a b',
      '-H',
      'x: "q"',
      'plain arg',
      '%PATH%',
    ]);
  });

  it('keeps a caret inside cmd quotes and halves backslashes before a quote', () => {
    expect(cmd('curl "a^b" a\\\\\\"b c\\\\d')).toEqual(['curl', 'a^b', 'a\\"b', 'c\\\\d']);
  });

  it('reads a caret-escaped line break as a newline in the argument', () => {
    expect(cmd('curl --data-raw ^"a^\n\nb^"')).toEqual(['curl', '--data-raw', 'a\nb']);
  });
});
