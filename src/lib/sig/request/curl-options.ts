/**
 * Reading a curl command's words into options and URLs the way curl's own parser does: long options take their
 * value from the next word, short ones may be bundled (`-sSL`) or carry it attached (`-XPOST`, `-H'X: y'`).
 * https://curl.se/docs/manpage.html
 */

import { problem, type Problem, type Span } from '../types';
import type { ShellWord } from './shell-words';

/** One option as given: its long name, its value (for options that take one), and the words it spans. */
export interface CurlOption {
  name: string;
  value?: string;
  span: Span;
}

/** A command's options in order, its URLs (bare words and `--url`), and what was noticed. */
export interface CurlOptions {
  options: CurlOption[];
  urls: ShellWord[];
  problems: Problem[];
}

// prettier-ignore
const SHORT: Record<string, string> = {
  '0': 'http1.0', '1': 'tlsv1', '2': 'sslv2', '3': 'sslv3', '4': 'ipv4', '6': 'ipv6', '#': 'progress-bar',
  ':': 'next', a: 'append', A: 'user-agent', b: 'cookie', B: 'use-ascii', c: 'cookie-jar', C: 'continue-at',
  d: 'data', D: 'dump-header', e: 'referer', E: 'cert', f: 'fail', F: 'form', g: 'globoff', G: 'get', h: 'help',
  H: 'header', i: 'include', I: 'head', j: 'junk-session-cookies', J: 'remote-header-name', k: 'insecure',
  K: 'config', l: 'list-only', L: 'location', m: 'max-time', M: 'manual', n: 'netrc', N: 'no-buffer', o: 'output',
  O: 'remote-name', p: 'proxytunnel', P: 'ftp-port', q: 'disable', Q: 'quote', r: 'range', R: 'remote-time',
  s: 'silent', S: 'show-error', t: 'telnet-option', T: 'upload-file', u: 'user', U: 'proxy-user', v: 'verbose',
  V: 'version', w: 'write-out', x: 'proxy', X: 'request', y: 'speed-time', Y: 'speed-limit', z: 'time-cond',
  Z: 'parallel',
};

/** The long options that take a value (curl 8); every other option is a switch. */
const TAKES_VALUE = new Set(
  `abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config connect-timeout connect-to
  continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii data-binary data-raw data-urlencode
  delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header ech egd-file engine
  etag-compare etag-save expect100-timeout form form-string ftp-account ftp-alternative-to-user ftp-method ftp-port
  ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip header hostpubmd5 hostpubsha256 hsts interface ip-tos
  ipfs-gateway json keepalive-cnt keepalive-time key key-type krb libcurl limit-rate local-port login-options
  mail-auth mail-from mail-rcpt max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir
  parallel-max pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert proxy-capath proxy-cert
  proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey
  proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0
  pubkey quote random-file range rate referer request request-target resolve retry retry-delay retry-max-time
  sasl-authzid service-name socks4 socks4a socks5 socks5-gssapi-service socks5-hostname speed-limit speed-time
  stderr telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace
  trace-ascii trace-config unix-socket upload-file url url-query user user-agent variable vlan-priority write-out`.split(
    /\s+/,
  ),
);

/** Reads the words after `curl` into options and URLs. */
export function readCurlOptions(words: readonly ShellWord[]): CurlOptions {
  const options: CurlOption[] = [];
  const urls: ShellWord[] = [];
  const problems: Problem[] = [];
  const takeValue = (name: string, option: ShellWord, attached: string | undefined, k: number): number => {
    if (attached !== undefined && attached !== '') {
      options.push({ name, value: attached, span: option.span });
      return k;
    }
    const next = words[k + 1];
    if (!next) {
      problems.push(problem('curl-option', `The option ${option.text} needs a value after it.`, option.span));
      return k;
    }
    if (name === 'url') urls.push(next);
    else options.push({ name, value: next.text, span: { start: option.span.start, end: next.span.end } });
    return k + 1;
  };
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const text = word.text;
    if (text.startsWith('--') && text.length > 2) {
      const name = text.slice(2);
      if (TAKES_VALUE.has(name)) k = takeValue(name, word, undefined, k);
      else options.push({ name, span: word.span });
      if (name.includes('=')) {
        problems.push(
          problem(
            'curl-option',
            `curl does not read ${text}; it wants the value as the next word.`,
            word.span,
            {
              severity: 'warning',
              hint: `Write it as --${name.slice(0, name.indexOf('='))} '${name.slice(name.indexOf('=') + 1)}'.`,
            },
          ),
        );
      }
    } else if (text.startsWith('-') && text.length > 1) {
      for (let j = 1; j < text.length; j++) {
        const name = SHORT[text[j]!];
        if (name === undefined) {
          problems.push(
            problem('curl-option', `curl has no option -${text[j]}; it is ignored.`, word.span, {
              severity: 'note',
            }),
          );
        } else if (TAKES_VALUE.has(name)) {
          k = takeValue(name, word, text.slice(j + 1), k);
          break;
        } else {
          options.push({ name, span: word.span });
        }
      }
    } else {
      urls.push(word);
    }
  }
  return { options, urls, problems };
}
