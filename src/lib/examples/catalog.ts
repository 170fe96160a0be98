/**
 * Examples one click away: the official SigV4 suite (aws-c-auth's layout), the S3 documentation examples, and the
 * server-error and client-log fixtures. Files are imported at build time as lazy chunks: nothing here is loaded
 * until the examples list is opened, and each example's files only when it is picked.
 */

import type { SessionSnapshot } from '../state/snapshot';
import { EMPTY_SNAPSHOT } from '../state/snapshot';
import type { SigV4Settings } from '../sig/v4/settings';

/** One example in the list. */
export interface Example {
  id: string;
  label: string;
  /** Reads the example's files and returns the page's inputs. */
  load: () => Promise<SessionSnapshot>;
}

/** A heading in the list and its examples. */
export interface ExampleGroup {
  title: string;
  examples: Example[];
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

/** What each server-error fixture shows (tests/fixtures/README.md). */
const FIXTURE_TITLES: Record<string, string> = {
  F1: 'S3 SigV4 header: path encoded twice',
  F2: 'S3 presigned URL: session token left out of the signature',
  F3: 'S3 SigV2 header: /bucket missing from the resource',
  F4: 'S3 SigV2 presigned: unsigned Content-Type',
  F5: 'API Gateway: path must be encoded twice',
  F6: 'SQS (Query API): proxy dropped "; charset=utf-8"',
  F7: 'DynamoDB / Kinesis JSON error',
  F8: 'EC2 Query error: nothing to compare',
  F9: 'MinIO and S3-compatible servers: nothing to compare',
  F10: 'S3 RequestTimeTooSkewed: clock skew',
  F11: 'S3 presigned URL expired / not yet valid',
  F12: 'Signature expired / not yet current',
  F13: 'Wrong region or service in the credential scope',
  F14: 'Google Cloud Storage (S3 interop)',
};

const CLIENT_LOG_TITLES: Record<string, string> = {
  L1: 'botocore / AWS CLI --debug',
  L2: 'aws-sdk-go v1 LogDebugWithSigning',
  L3: 'AWS SDK for Java v1 AWS4Signer',
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

function suiteExamples(): ExampleGroup[] {
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
  const verify = (name: string, file: string): Example => ({
    id: `aws-c-auth/${name}/${file.replace('.txt', '')}`,
    label: name,
    async load() {
      const [ctx, request] = await Promise.all([context(name), must(cases.get(name)![file], file)()]);
      return {
        ...EMPTY_SNAPSHOT,
        request,
        scheme: 'sigv4',
        accessKeyId: ctx.credentials.access_key_id,
        secretAccessKey: ctx.credentials.secret_access_key,
        ...(ctx.credentials.token ? { sessionToken: ctx.credentials.token } : {}),
        settings: suiteSettings(ctx),
      };
    },
  });
  const sign = (name: string): Example => ({
    id: `aws-c-auth/${name}/sign`,
    label: name,
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
        accessKeyId: ctx.credentials.access_key_id,
        secretAccessKey: ctx.credentials.secret_access_key,
        ...(ctx.credentials.token ? { sessionToken: ctx.credentials.token } : {}),
        region: ctx.region,
        service: ctx.service,
        time: ctx.timestamp,
        settings: suiteSettings(ctx),
      };
    },
  });
  return [
    {
      title: 'SigV4 suite: verify a signed request',
      examples: names
        .filter((n) => cases.get(n)!['header-signed-request.txt'])
        .map((n) => verify(n, 'header-signed-request.txt')),
    },
    {
      title: 'SigV4 suite: verify a presigned URL',
      examples: names
        .filter((n) => cases.get(n)!['query-signed-request.txt'])
        .map((n) => verify(n, 'query-signed-request.txt')),
    },
    {
      title: 'SigV4 suite: sign an unsigned request',
      examples: names.filter((n) => cases.get(n)!['request.txt']).map(sign),
    },
  ];
}

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

async function s3Examples(): Promise<ExampleGroup> {
  const examples: Example[] = [];
  const headerFile = Object.entries(s3Files).find(([p]) => p.endsWith('sigv4-header-examples.json'));
  const presignedFile = Object.entries(s3Files).find(([p]) => p.endsWith('sigv4-presigned-url-example.json'));
  if (headerFile) {
    const data = JSON.parse(await headerFile[1]()) as S3HeaderExamples;
    for (const c of data.cases) {
      const authorization =
        c.authorization_as_documented ??
        `AWS4-HMAC-SHA256 Credential=${data.credentials.access_key_id}/${data.credential_scope}, SignedHeaders=${c.signed_headers}, Signature=${c.signature}`;
      examples.push({
        id: `s3/${c.id}`,
        label: c.name,
        load: async () => ({
          ...EMPTY_SNAPSHOT,
          request: s3RequestText(c.request, authorization),
          accessKeyId: data.credentials.access_key_id,
          secretAccessKey: data.credentials.secret_access_key,
        }),
      });
    }
  }
  if (presignedFile) {
    examples.push({
      id: 's3/presigned-url',
      label: 'Presigned URL (GET test.txt, 24 hours)',
      async load() {
        const data = JSON.parse(await presignedFile[1]()) as S3PresignedExample;
        return {
          ...EMPTY_SNAPSHOT,
          request: data.presigned_url,
          accessKeyId: data.credentials.access_key_id,
          secretAccessKey: data.credentials.secret_access_key,
        };
      },
    });
  }
  return { title: 'Amazon S3 documentation examples', examples };
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
  const servers: Example[] = [...byId.keys()].sort(order).map((id) => ({
    id: `fixture/${id}`,
    label: `${id}: ${FIXTURE_TITLES[id] ?? 'server reply'}`,
    async load() {
      const entry = byId.get(id)!;
      const [reply, client] = await Promise.all([entry.reply?.() ?? '', entry.client?.() ?? '']);
      const request = FIXTURE_REQUESTS[id] ?? '';
      return {
        ...EMPTY_SNAPSHOT,
        request,
        serverError: reply,
        clientLog: client,
        secretAccessKey: FIXTURE_SECRET,
      };
    },
  }));
  const logs: Example[] = Object.entries(clientLogFiles)
    .map(([path, load]) => ({ path, load, id: fixtureId(path) }))
    .filter((x): x is { path: string; load: Loader; id: string } => x.id !== undefined)
    .sort((a, b) => order(a.id, b.id))
    .map(({ id, load }) => ({
      id: `fixture/${id}`,
      label: `${id}: ${CLIENT_LOG_TITLES[id] ?? 'client log'}`,
      load: async () => ({
        ...EMPTY_SNAPSHOT,
        request: FIXTURE_REQUESTS.L ?? '',
        clientLog: await load(),
        secretAccessKey: FIXTURE_SECRET,
      }),
    }));
  const groups: ExampleGroup[] = [];
  if (servers.length) groups.push({ title: 'Server replies (fixtures)', examples: servers });
  if (logs.length) groups.push({ title: 'Client signing logs (fixtures)', examples: logs });
  return groups;
}

/** Every example, grouped. */
export async function listExamples(): Promise<ExampleGroup[]> {
  const [s3, fixtures] = await Promise.all([s3Examples(), fixtureExamples()]);
  return [...fixtures, s3, ...suiteExamples()].filter((g) => g.examples.length > 0);
}
