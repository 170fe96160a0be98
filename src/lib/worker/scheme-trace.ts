/**
 * Any scheme but SigV4 on the page, through the registry's `Scheme` seam: SigV4A and the legacy schemes verify a
 * pasted request or sign an unsigned one, and their `SchemeTrace` becomes the one `TraceView` the stages panel
 * renders from data (each stage's rule, lines and the spans of the paste they came from).
 */

import type { Scheme } from '../sig/registry';
import type { HttpRequest } from '../sig/request/model';
import type { SchemeTrace } from '../sig/trace';
import type { InputProblem, RunInput, SettingValues, TraceView } from './protocol';
import { requestProblem, type SpanMapper } from './span-map';

/** The settings of `input` that `scheme` describes: another scheme's names are left out of its run. */
export function settingsFor(
  scheme: { settings: readonly { name: string }[] },
  settings: SettingValues,
): Record<string, unknown> {
  const names = new Set(scheme.settings.map((d) => d.name));
  return Object.fromEntries(Object.entries(settings).filter(([name]) => names.has(name)));
}

/** What is said of a scheme's run besides its trace. */
interface TraceMeta {
  scheme: Scheme;
  reason: string;
  action: 'sign' | 'verify';
  secretShown: boolean;
  map: SpanMapper;
}

/** A scheme's trace as the page shows it; a signature computed without the secret is left out. */
export function traceView(trace: SchemeTrace, meta: TraceMeta): TraceView {
  const ecdsa = trace.scheme === 'sigv4a';
  // A signature (or a key) computed without the secret is one of nothing; a SigV4A signature verified is the one sent.
  const shown = meta.secretShown || (ecdsa && meta.action === 'verify');
  const stages = shown ? trace.stages : trace.stages.filter((st) => !(ecdsa && st.id === 'signing-key'));
  const view: TraceView = {
    scheme: meta.scheme.id,
    label: meta.scheme.label,
    reason: meta.reason,
    action: meta.action,
    stages: stages.map((st) => ({
      id: st.id,
      title: st.title,
      rule: st.rule,
      docUrl: st.docUrl,
      text: shown || st.id !== 'signature' ? st.text : '',
      lines:
        shown || st.id !== 'signature'
          ? st.lines.map((l) => ({ label: l.label, text: l.text, sources: meta.map(l.sources) }))
          : [],
    })),
    provided: '',
    providedSources: [],
    checkedBy: ecdsa ? 'public-key' : 'bytes',
  };
  if (shown) view.signature = trace.signature;
  if (meta.action === 'sign' && meta.secretShown) {
    if (trace.authorization) view.authorization = trace.authorization;
    if (trace.url) view.url = trace.url;
    view.signedRequest = trace.signedRequest;
  }
  return view;
}

/** Verifies a request's signature under `scheme`; `undefined` when it cannot be read as that scheme's. */
export async function verifyWithScheme(
  scheme: Scheme,
  reason: string,
  request: HttpRequest,
  input: Pick<RunInput, 'accessKeyId' | 'publicKey' | 'settings'> & { secret: string },
  map: SpanMapper,
  problems: InputProblem[],
): Promise<TraceView | undefined> {
  const publicKey = input.publicKey?.trim() ?? '';
  const ecdsa = scheme.id === 'sigv4a';
  if (ecdsa && !input.secret && !publicKey) {
    problems.push({
      input: 'request',
      problem: {
        kind: 'no-key',
        severity: 'note',
        message:
          'Enter the secret access key (the key pair is derived from it) or paste the public key to check this SigV4A signature.',
      },
    });
  }
  const verified = await scheme.verify({
    request,
    // SigV4A rebuilds its stages without a key too: a throwaway secret derives a key that is not shown as a verdict.
    secretAccessKey: input.secret || (ecdsa && !publicKey ? '-' : ''),
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    ...(publicKey ? { publicKey } : {}),
    settings: settingsFor(scheme, input.settings),
  });
  if (!verified.ok && ecdsa && publicKey) {
    // A public key that cannot be read is a problem with that field: the stages still show without it.
    for (const { span: _inTheKey, ...p } of verified.problems) {
      void _inTheKey;
      problems.push({ input: 'settings', problem: p });
    }
    return verifyWithScheme(scheme, reason, request, { ...input, publicKey: '' }, map, problems);
  }
  for (const p of verified.problems) problems.push(requestProblem(map)(p));
  if (!verified.ok) return undefined;
  const { trace, provided, providedSpan, match } = verified.value;
  const judged = input.secret !== '' || (ecdsa && publicKey !== '');
  const view = traceView(trace, { scheme, reason, action: 'verify', secretShown: input.secret !== '', map });
  if (ecdsa && !judged) {
    // Without a key, only the stages that do not depend on it stand.
    view.stages = view.stages.filter((s) => s.id !== 'signing-key' && s.id !== 'verification');
  }
  view.provided = provided;
  view.providedSources = providedSpan ? map([providedSpan]) : [];
  if (judged) view.valid = match;
  return view;
}

/** Signs a request under `scheme` with what the page gives: credentials, mode, time, region set, settings. */
export async function signWithScheme(
  scheme: Scheme,
  request: HttpRequest,
  fields: {
    input: RunInput;
    secret: string;
    accessKeyId: string;
    mode: string;
    time?: Date;
    regionSet: string;
    sessionToken?: string;
  },
  map: SpanMapper,
  problems: InputProblem[],
): Promise<TraceView | undefined> {
  const { input } = fields;
  const signed = await scheme.sign({
    request,
    credentials: {
      accessKeyId: fields.accessKeyId,
      secretAccessKey: fields.secret,
      ...(fields.sessionToken ? { sessionToken: fields.sessionToken } : {}),
    },
    ...(scheme.modes.includes(fields.mode) ? { mode: fields.mode } : {}),
    ...(fields.time ? { time: fields.time } : {}),
    ...(input.expires !== null ? { expires: input.expires } : {}),
    ...(input.region ? { region: input.region } : {}),
    ...(input.service ? { service: input.service } : {}),
    regionSet: fields.regionSet,
    settings: settingsFor(scheme, input.settings),
  });
  for (const p of signed.problems) problems.push(requestProblem(map)(p));
  if (!signed.ok) return undefined;
  return traceView(signed.value, {
    scheme,
    reason: 'chosen by you',
    action: 'sign',
    secretShown: fields.secret !== '',
    map,
  });
}
