/**
 * Examples one click away, generated from the files they come from: the official SigV4 suite (aws-c-auth's layout,
 * one entry per case with its modes inside), the S3 documentation examples, and the server-error and client-log
 * fixtures. Entries are grouped by what they show and carry the words a search matches. Files are imported at build
 * time as lazy chunks: nothing here is loaded until the list is opened (or the live example is), and each
 * example's files only when it is picked.
 */

import type { SessionSnapshot } from '../state/snapshot';
import { EMPTY_SNAPSHOT } from '../state/snapshot';
import type { SigV4Settings } from '../sig/registry-settings';

/** One way to load an example (a suite case verified as a signed request, as a presigned URL, or signed anew). */
export interface ExampleMode {
  /** Stable: tests and links name examples by it. */
  id: string;
  /** The mode, in a few words (`Verify the signed request`); the entry's title when it has one mode. */
  label: string;
  /** The entry's title, for the notice saying what is loaded. */
  title: string;
  /** Reads the example's files and returns the page's inputs: every field, empty where the example has none. */
  load: () => Promise<SessionSnapshot>;
}

/** One example: what it shows, and its modes. */
export interface ExampleEntry {
  key: string;
  /** What it shows, as the list names it: `S3: path encoded twice`, `SigV4 suite: get-vanilla-query`. */
  title: string;
  modes: ExampleMode[];
  /** Lower-case text a search matches: the title, the group, the source, the modes. */
  words: string;
}

/** A heading in the list (what its examples show) and its entries. */
export interface ExampleGroup {
  title: string;
  entries: ExampleEntry[];
}

/** The example a first visit opens on: a real SignatureDoesNotMatch, explained (fixture F1). */
export const LIVE_EXAMPLE = 'fixture/F1';

function makeEntry(
  group: string,
  key: string,
  title: string,
  modes: Omit<ExampleMode, 'title'>[],
  source: string,
): ExampleEntry {
  return {
    key,
    title,
    modes: modes.map((m) => ({ ...m, title })),
    words: [title, group, source, ...modes.map((m) => `${m.label} ${m.id}`)].join(' ').toLowerCase(),
  };
}

type Loader = () => Promise<string>;

const suiteFiles = import.meta.glob<string>(
  '/tests/vectors/sigv4/aws-c-auth-v4/*/{context.json,request.txt,header-signed-request.txt,query-signed-request.txt}',
  { query: '?raw', import: 'default' },
);
const s3Files = import.meta.glob<string>(
  '/tests/vectors/s3/sigv4-{header-examples,presigned-url-example}.json',
  {
    query: '?raw',
    import: 'default',
  },
);
const serverErrorFiles = import.meta.glob<string>('/tests/fixtures/server-errors/*.txt', {
  query: '?raw',
  import: 'default',
});
const clientLogFiles = import.meta.glob<string>('/tests/fixtures/client-logs/*.txt', {
  query: '?raw',
  import: 'default',
});

const MISMATCH = 'Signature mismatches, explained';
const CLOCK = 'Clock, expiry and scope';
const FORMATS = 'Server replies with nothing to compare';
const LOGS = 'Client signing logs';

/** What each server-error fixture shows (tests/fixtures/README.md), and the group it shows it in. */
const FIXTURE_TITLES: Record<string, [group: string, title: string]> = {
  F1: [MISMATCH, 'S3: path encoded twice'],
  F2: [MISMATCH, 'S3 presigned URL: session token left out of the signature'],
  F3: [MISMATCH, 'S3 SigV2: /bucket missing from the resource'],
  F4: [MISMATCH, 'S3 SigV2 presigned URL: Content-Type not signed'],
  F5: [MISMATCH, 'API Gateway: path must be encoded twice'],
  F6: [MISMATCH, 'SQS: a proxy dropped "; charset=utf-8"'],
  F7: [FORMATS, 'DynamoDB / Kinesis: a JSON error'],
  F8: [FORMATS, 'EC2: a Query error with nothing to compare'],
  F9: [FORMATS, 'MinIO and S3-compatible servers: nothing to compare'],
  F10: [CLOCK, 'S3: clock skew (RequestTimeTooSkewed)'],
  F11: [CLOCK, 'Presigned URL expired or not yet valid'],
  F12: [CLOCK, 'Signature expired or not yet current'],
  F13: [CLOCK, 'Wrong region or service in the credential scope'],
  F14: [MISMATCH, 'Google Cloud Storage (S3 interop): a mismatch'],
};

const CLIENT_LOG_TITLES: Record<string, string> = {
  L1: 'botocore / AWS CLI --debug: verified',
  L2: 'aws-sdk-go v1 LogDebugWithSigning: verified',
  L3: 'AWS SDK for Java v1 AWS4Signer: verified',
};

/** An aws-c-auth suite case's `context.json`: credentials, scope, time and the settings it signs with. */
export interface AwsCAuthContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

function suiteSettings(context: AwsCAuthContext): Partial<SigV4Settings> {
  const settings: Partial<SigV4Settings> = {};
  if (!context.normalize) settings.normalizePath = false;
  if (context.sign_body) settings.contentSha256Header = true;
  if (context.omit_session_token) settings.signSessionToken = false;
  return settings;
}

function must(loader: Loader | undefined, name: string): Loader {
  if (!loader) throw new Error(`example file missing from the build: ${name}`);
  return loader;
}

function suiteExamples(): ExampleGroup {
  const cases = new Map<string, Record<string, Loader>>();
  for (const [path, load] of Object.entries(suiteFiles)) {
    const m = /aws-c-auth-v4\/([^/]+)\/([^/]+)$/.exec(path);
    if (!m) continue;
    const files = cases.get(m[1]!) ?? {};
    files[m[2]!] = load;
    cases.set(m[1]!, files);
  }
  const names = [...cases.keys()].sort();
  const context = async (name: string) =>
    JSON.parse(await must(cases.get(name)!['context.json'], `${name}/context.json`)()) as AwsCAuthContext;
  const credentials = (ctx: AwsCAuthContext) => ({
    accessKeyId: ctx.credentials.access_key_id,
    secretAccessKey: ctx.credentials.secret_access_key,
    ...(ctx.credentials.token ? { sessionToken: ctx.credentials.token } : {}),
  });
  const verify = (name: string, file: string, label: string): Omit<ExampleMode, 'title'> => ({
    id: `aws-c-auth/${name}/${file.replace('.txt', '')}`,
    label,
    async load() {
      const [ctx, request] = await Promise.all([context(name), must(cases.get(name)![file], file)()]);
      return {
        ...EMPTY_SNAPSHOT,
        request,
        scheme: 'sigv4',
        ...credentials(ctx),
        settings: suiteSettings(ctx),
      };
    },
  });
  const sign = (name: string): Omit<ExampleMode, 'title'> => ({
    id: `aws-c-auth/${name}/sign`,
    label: 'Sign the unsigned request',
    async load() {
      const [ctx, request] = await Promise.all([
        context(name),
        must(cases.get(name)!['request.txt'], 'request.txt')(),
      ]);
      return {
        ...EMPTY_SNAPSHOT,
        request,
        scheme: 'sigv4',
        action: 'sign',
        location: 'header',
        ...credentials(ctx),
        region: ctx.region,
        service: ctx.service,
        time: ctx.timestamp,
        settings: suiteSettings(ctx),
      };
    },
  });
  const entries = names.map((n) => {
    const files = cases.get(n)!;
    const modes: Omit<ExampleMode, 'title'>[] = [];
    if (files['header-signed-request.txt'])
      modes.push(verify(n, 'header-signed-request.txt', 'Verify the signed request'));
    if (files['query-signed-request.txt'])
      modes.push(verify(n, 'query-signed-request.txt', 'Verify the presigned URL'));
    if (files['request.txt']) modes.push(sign(n));
    return makeEntry(SUITE, `aws-c-auth/${n}`, `SigV4 suite: ${n}`, modes, 'aws-c-auth official test suite');
  });
  return { title: SUITE, entries: entries.filter((e) => e.modes.length > 0) };
}

const SUITE = 'SigV4 suite: official cases, verified and signed';

interface S3Request {
  method: string;
  path: string;
  query: [string, string][];
  headers: [string, string][];
  body?: string;
}

interface S3HeaderExamples {
  credentials: { access_key_id: string; secret_access_key: string };
  cases: {
    id: string;
    name: string;
    request: S3Request;
    authorization_as_documented?: string;
    signature: string;
    signed_headers: string;
    credential_scope?: string;
  }[];
  credential_scope: string;
}

interface S3PresignedExample {
  credentials: { access_key_id: string; secret_access_key: string };
  presigned_url: string;
}

function s3RequestText(request: S3Request, authorization: string): string {
  const query = request.query.length
    ? '?' + request.query.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')
    : '';
  const lines = [`${request.method} ${request.path}${query} HTTP/1.1`];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  lines.push(`Authorization: ${authorization}`);
  return lines.join('\n') + '\n\n' + (request.body ?? '');
}

const S3_DOCS = 'Amazon S3 documentation examples, verified';

async function s3Examples(): Promise<ExampleGroup> {
  const entries: ExampleEntry[] = [];
  const add = (key: string, title: string, load: () => Promise<SessionSnapshot>) =>
    entries.push(
      makeEntry(
        S3_DOCS,
        key,
        title,
        [{ id: key, label: 'Verify', load }],
        'Amazon S3 API reference examples',
      ),
    );
  const headerFile = Object.entries(s3Files).find(([p]) => p.endsWith('sigv4-header-examples.json'));
  const presignedFile = Object.entries(s3Files).find(([p]) => p.endsWith('sigv4-presigned-url-example.json'));
  if (headerFile) {
    const data = JSON.parse(await headerFile[1]()) as S3HeaderExamples;
    for (const c of data.cases) {
      const authorization =
        c.authorization_as_documented ??
        `AWS4-HMAC-SHA256 Credential=${data.credentials.access_key_id}/${data.credential_scope}, SignedHeaders=${c.signed_headers}, Signature=${c.signature}`;
      add(`s3/${c.id}`, `S3: ${c.name}`, async () => ({
        ...EMPTY_SNAPSHOT,
        request: s3RequestText(c.request, authorization),
        accessKeyId: data.credentials.access_key_id,
        secretAccessKey: data.credentials.secret_access_key,
      }));
    }
  }
  if (presignedFile) {
    add('s3/presigned-url', 'S3: presigned URL (GET test.txt, 24 hours)', async () => {
      const data = JSON.parse(await presignedFile[1]()) as S3PresignedExample;
      return {
        ...EMPTY_SNAPSHOT,
        request: data.presigned_url,
        accessKeyId: data.credentials.access_key_id,
        secretAccessKey: data.credentials.secret_access_key,
      };
    });
  }
  return { title: S3_DOCS, entries };
}

function fixtureId(path: string): string | undefined {
  return /\/([FL]\d+)-/.exec(path)?.[1];
}

async function fixtureExamples(): Promise<ExampleGroup[]> {
  const { FIXTURE_REQUESTS, FIXTURE_SECRET } = await import('./fixture-requests');
  const byId = new Map<string, { reply?: Loader; client?: Loader }>();
  for (const [path, load] of Object.entries(serverErrorFiles)) {
    const id = fixtureId(path);
    if (!id) continue;
    const entry = byId.get(id) ?? {};
    if (path.endsWith('.client-canonical.txt')) entry.client = load;
    else entry.reply = load;
    byId.set(id, entry);
  }
  const order = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1));
  const groups = new Map<string, ExampleEntry[]>([
    [MISMATCH, []],
    [CLOCK, []],
    [FORMATS, []],
    [LOGS, []],
  ]);
  for (const id of [...byId.keys()].sort(order)) {
    const [group, title] = FIXTURE_TITLES[id] ?? [FORMATS, `Server reply ${id}`];
    const load = async (): Promise<SessionSnapshot> => {
      const entry = byId.get(id)!;
      const [reply, client] = await Promise.all([entry.reply?.() ?? '', entry.client?.() ?? '']);
      return {
        ...EMPTY_SNAPSHOT,
        request: FIXTURE_REQUESTS[id] ?? '',
        serverError: reply,
        clientLog: client,
        secretAccessKey: FIXTURE_SECRET,
      };
    };
    const modes = [{ id: `fixture/${id}`, label: 'Explain', load }];
    groups.get(group)!.push(makeEntry(group, `fixture/${id}`, title, modes, `fixture ${id} server reply`));
  }
  const logs = Object.entries(clientLogFiles)
    .map(([path, load]) => ({ load, id: fixtureId(path) }))
    .filter((x): x is { load: Loader; id: string } => x.id !== undefined)
    .sort((a, b) => order(a.id, b.id));
  for (const { id, load } of logs) {
    const title = CLIENT_LOG_TITLES[id] ?? `Client log ${id}`;
    const modes = [
      {
        id: `fixture/${id}`,
        label: 'Explain',
        load: async (): Promise<SessionSnapshot> => ({
          ...EMPTY_SNAPSHOT,
          request: FIXTURE_REQUESTS.L ?? '',
          clientLog: await load(),
          secretAccessKey: FIXTURE_SECRET,
        }),
      },
    ];
    groups.get(LOGS)!.push(makeEntry(LOGS, `fixture/${id}`, title, modes, `fixture ${id} client log`));
  }
  return [...groups].map(([title, entries]) => ({ title, entries }));
}

/** Every example, grouped by what it shows. */
export async function listExamples(): Promise<ExampleGroup[]> {
  const [s3, fixtures] = await Promise.all([s3Examples(), fixtureExamples()]);
  return [...fixtures, s3, suiteExamples()].filter((g) => g.entries.length > 0);
}

/** The groups and entries whose words hold every word of the query (case-insensitive); all when it is blank. */
export function filterExamples(groups: readonly ExampleGroup[], query: string): ExampleGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((g) => ({ ...g, entries: g.entries.filter((e) => words.every((w) => e.words.includes(w))) }))
    .filter((g) => g.entries.length > 0);
}

/** One mode of one example, by id. */
export async function findExample(id: string): Promise<ExampleMode | undefined> {
  for (const g of await listExamples())
    for (const e of g.entries) for (const m of e.modes) if (m.id === id) return m;
  return undefined;
}
