/**
 * Reading a curl command (typed, or from a browser's "Copy as cURL") as the raw HTTP request curl would send:
 * method, target, the headers curl adds and the `-H` ones, the data, and what `--aws-sigv4` and `--user` say.
 * https://curl.se/docs/manpage.html
 */

import { fail, problem, type Problem, type Result } from '../types';
import { looksLikeCmd, splitCmdWords } from './cmd-words';
import { curlAuth } from './curl-auth';
import { readCurlData, urlencodeArg, type CurlData } from './curl-data';
import { curlHeaders } from './curl-headers';
import { readCurlOptions, type CurlOption } from './curl-options';
import { readCurlUrl } from './curl-url';
import { anchored, written, writePasted, type Piece } from './http-text';
import type { PastedRequest } from './pasted';
import { splitBashWords } from './shell-words';

const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Options that change what is sent in ways a paste cannot show. */
const UNSUPPORTED: Record<string, string> = {
  form: 'curl sends -F fields as multipart/form-data with a random boundary; that body cannot be rebuilt.',
  'upload-file':
    'curl uploads the file given to -T with PUT; the file is not in the paste, so the body is empty.',
  config: 'curl reads more options from the -K file, which is not in the paste.',
  proxy: 'The proxy only changes where curl connects, not what is signed; it is ignored.',
  digest: 'curl answers a Digest challenge with a second request; only the first is read.',
  ntlm: 'curl answers an NTLM challenge with further requests; only the first is read.',
};

/**
 * The method and target curl sends: `-X`, else HEAD for `-I`, PUT for `-T`, POST with data or `-F`, else GET;
 * `--request-target` replaces the URL's target, and `-G` data and `--url-query` parts join its query.
 */
function requestLine(
  options: readonly CurlOption[],
  urlTarget: string,
  body: CurlData | undefined,
  queryData: CurlData | undefined,
): { method: string; target: string } | Problem {
  const last = (name: string) => options.findLast((o) => o.name === name);
  let target = last('request-target')?.value ?? urlTarget;
  const queries = options
    .filter((o) => o.name === 'url-query')
    .map((o) => (o.value?.startsWith('+') ? o.value.slice(1) : urlencodeArg(o.value ?? '').text));
  if (queryData) queries.unshift(queryData.text);
  for (const q of queries) target += (target.includes('?') ? '&' : '?') + q;
  const explicit = last('request');
  if (explicit && !METHOD.test(explicit.value ?? '')) {
    return problem('method', `"${explicit.value}" is not an HTTP method.`, explicit.span);
  }
  const implied = last('head') ? 'HEAD' : last('upload-file') ? 'PUT' : body || last('form') ? 'POST' : 'GET';
  return { method: explicit?.value ?? implied, target };
}

/** Reads a curl command as raw HTTP. */
export function readCurlCommand(text: string): Result<PastedRequest> {
  const from = /^\s*(?:\$[ \t]+)?/.exec(text)![0].length;
  const split = (looksLikeCmd(text) ? splitCmdWords : splitBashWords)(text, from);
  const notes: Problem[] = [...split.problems];
  const stop = (p?: Problem) => fail<PastedRequest>(anchored(p ? [...notes, p] : notes, text));
  const [curl, ...args] = split.words;
  if (!curl || !/(?:^|[/\\])curl(?:\.exe)?$/i.test(curl.text)) {
    return stop(
      problem(
        'curl-command',
        'A curl command starts with "curl".',
        curl?.span ?? { start: from, end: text.length },
      ),
    );
  }
  const read = readCurlOptions(args);
  notes.push(...read.problems);
  if (notes.some((p) => p.severity === 'error')) return stop();
  if (text.slice(split.end).trim() !== '') {
    notes.push(
      problem(
        'curl-rest',
        'Only the first command is read; the text after it is ignored.',
        { start: split.end, end: text.length },
        { severity: 'note' },
      ),
    );
  }
  const { options, urls } = read;
  const last = (name: string) => options.findLast((o) => o.name === name);
  for (const o of options) {
    const why = UNSUPPORTED[o.name];
    const severity = o.name === 'proxy' ? 'note' : 'warning';
    if (why) notes.push(problem(`curl-${o.name}`, why, o.span, { severity }));
  }
  const urlWord = urls.find((w) => w.text.includes('://')) ?? urls[0];
  if (!urlWord) return stop(problem('curl-url', 'This curl command has no URL.', curl.span));
  if (urls.length > 1) {
    notes.push(
      problem(
        'curl-urls',
        `curl would send ${urls.length} requests; reading the one for ${urlWord.text}.`,
        urlWord.span,
        { severity: 'note' },
      ),
    );
  }
  const url = readCurlUrl(urlWord, last('path-as-is') !== undefined, notes);
  if ('kind' in url) return stop(url);

  const data = readCurlData(options, notes);
  const get = last('get') !== undefined;
  const body = get ? undefined : data;
  const line = requestLine(options, url.target, body, get ? data : undefined);
  if ('kind' in line) return stop(line);

  const { hints, basicUser } = curlAuth(options, url.userinfo, urlWord.span, notes);
  const headers = curlHeaders(
    {
      options,
      host: url.host,
      hostSource: urlWord.span,
      data: body,
      curlAt: curl.span,
      ...(basicUser ? { basicUser } : {}),
    },
    notes,
  );
  if (notes.some((p) => p.severity === 'error')) return stop();

  const pieces: Piece[] = [
    { text: `${line.method} ${line.target} HTTP/1.1`, source: urlWord.span },
    ...headers.map((h) => ({ text: `${h.name}: ${h.value}`, source: h.source })),
    { text: '', source: written(split.end) },
    { text: body?.text ?? '', source: body?.span ?? written(split.end) },
  ];
  const result = writePasted(text, 'curl', pieces, hints, notes);
  if (result.ok && last('aws-sigv4')) result.value.hints.scheme ??= 'sigv4';
  return result;
}
