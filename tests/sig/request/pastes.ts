/**
 * Pastes written the way the tools print them, built around requests from the official vectors so that reading
 * them can end in a signature check: curl -v output (HTTP/1.1 and HTTP/2, and with --aws-sigv4 traces), browser
 * "Copy as cURL" commands (bash and cmd), a Chrome HAR export, and presigned URLs.
 */

import { readVector, readVectorJson } from '../v4/vectors';

/** The S3 documentation's example keys (tests/vectors/s3). */
export const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** The AWS SigV4 test suite's keys (tests/vectors/sigv4). */
export const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The S3 "GET Object" example's Authorization header, as the S3 documentation prints it. */
export const S3_GET_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
  'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
  'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

/** The aws-c-auth `post-x-www-form-urlencoded` vector's Authorization header. */
export const FORM_POST_AUTHORIZATION = /^Authorization:(.*)$/m.exec(
  readVector('sigv4', 'aws-c-auth-v4', 'post-x-www-form-urlencoded', 'header-signed-request.txt'),
)![1]!;
export const FORM_POST_SHA256 = '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e';

/** `curl -v` over HTTP/1.1 against S3: TLS chatter, the request, a 403 and its XML body. */
export const CURL_VERBOSE_S3 = `*   Trying 52.217.198.162:443...
* Connected to examplebucket.s3.amazonaws.com (52.217.198.162) port 443
* ALPN: curl offers h2,http/1.1
* (304) (OUT), TLS handshake, Client hello (1):
*  CAfile: /etc/ssl/cert.pem
*  CApath: none
* (304) (IN), TLS handshake, Server hello (2):
* TLSv1.2 (IN), TLS handshake, Certificate (11):
* TLSv1.2 (IN), TLS handshake, Server key exchange (12):
* TLSv1.2 (IN), TLS handshake, Server finished (14):
* TLSv1.2 (OUT), TLS handshake, Client key exchange (16):
* TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):
* TLSv1.2 (OUT), TLS handshake, Finished (20):
* TLSv1.2 (IN), TLS change cipher, Change cipher spec (1):
* TLSv1.2 (IN), TLS handshake, Finished (20):
* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256
* ALPN: server accepted http/1.1
* Server certificate:
*  subject: CN=*.s3.amazonaws.com
*  start date: Nov 12 00:00:00 2023 GMT
*  expire date: Oct 21 23:59:59 2024 GMT
*  subjectAltName: host "examplebucket.s3.amazonaws.com" matched cert's "*.s3.amazonaws.com"
*  issuer: C=US; O=Amazon; CN=Amazon RSA 2048 M01
*  SSL certificate verify ok.
* using HTTP/1.1
> GET /test.txt HTTP/1.1
> Host: examplebucket.s3.amazonaws.com
> User-Agent: curl/8.4.0
> Accept: */*
> Range: bytes=0-9
> x-amz-content-sha256: ${EMPTY_SHA256}
> x-amz-date: 20130524T000000Z
> Authorization: ${S3_GET_AUTHORIZATION}
> 
< HTTP/1.1 403 Forbidden
< x-amz-request-id: 5Q1X6C7DWJ9Y4ZKM
< x-amz-id-2: wU8pG2Y1jEN0mCBbQ0kZJ5Q2lDq3Xr1v9Z8yP5mW2nT4sR6oK7iH3gF9dE1cB0aA=
< Content-Type: application/xml
< Transfer-Encoding: chunked
< Date: Fri, 24 May 2013 00:20:38 GMT
< Server: AmazonS3
< 
{ [326 bytes data]
* Connection #0 to host examplebucket.s3.amazonaws.com left intact
<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>`;

/** `curl -v` over HTTP/2 for a form POST, with CRLF line ends as `2> log` keeps them; the body is not shown. */
export const CURL_VERBOSE_H2_POST = [
  '*   Trying 203.0.113.7:443...',
  '* Connected to example.amazonaws.com (203.0.113.7) port 443',
  '* ALPN: curl offers h2,http/1.1',
  '* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519 / RSASSA-PSS',
  '* ALPN: server accepted h2',
  '* using HTTP/2',
  '* [HTTP/2] [1] OPENED stream for https://example.amazonaws.com/',
  '* [HTTP/2] [1] [:method: POST]',
  '* [HTTP/2] [1] [:scheme: https]',
  '* [HTTP/2] [1] [:authority: example.amazonaws.com]',
  '* [HTTP/2] [1] [:path: /]',
  '> POST / HTTP/2',
  '> Host: example.amazonaws.com',
  '> User-Agent: curl/8.7.1',
  '> Accept: */*',
  '> X-Amz-Date: 20150830T123600Z',
  `> x-amz-content-sha256: ${FORM_POST_SHA256}`,
  `> Authorization:${FORM_POST_AUTHORIZATION}`,
  '> Content-Length: 13',
  '> Content-Type: application/x-www-form-urlencoded',
  '> ',
  '} [13 bytes data]',
  '* We are completely uploaded and fine',
  '< HTTP/2 403 ',
  '< content-type: application/json',
  '< content-length: 68',
  '< x-amzn-requestid: 0f4bd1c4-8b5e-4b6b-9f0e-7f6b3c1e2d4a',
  '< ',
  '{ [68 bytes data]',
  '* Connection #0 to host example.amazonaws.com left intact',
  '{"message":"The security token included in the request is invalid."}',
].join('\r\n');

/** `curl -v --aws-sigv4`: curl's own signing trace (multi-line `* aws_sigv4:` infos) before the request. */
export const CURL_VERBOSE_AWS_SIGV4 = `* Host iam.amazonaws.com:443 was resolved.
*   Trying 52.94.225.3:443...
* Connected to iam.amazonaws.com (52.94.225.3) port 443
* aws_sigv4: Canonical request (enclosed in []) - [GET
/
Action=ListUsers&Version=2010-05-08
host:iam.amazonaws.com
x-amz-date:20240301T120000Z

host;x-amz-date
${EMPTY_SHA256}]
* aws_sigv4: String to sign (enclosed in []) - [AWS4-HMAC-SHA256
20240301T120000Z
20240301/us-east-1/iam/aws4_request
8b1f0a26f8b8a3d9d1c0e0f4e6f0f2b6c2e7f1d0a8b9c3e4f5a6b7c8d9e0f1a2]
* aws_sigv4: Signature - 1d0e4f6a2b8c9d3e5f7a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e
> GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1
> Host: iam.amazonaws.com
> Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240301/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=1d0e4f6a2b8c9d3e5f7a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e
> X-Amz-Date: 20240301T120000Z
> User-Agent: curl/8.4.0
> Accept: */*
> 
< HTTP/1.1 403 Forbidden
< x-amzn-RequestId: 2f6a9c1e-0000-4000-8000-1234567890ab
< Content-Type: text/xml
< Content-Length: 306
< 
{ [306 bytes data]
* Connection #0 to host iam.amazonaws.com left intact`;

/** The aws-c-auth `get-vanilla` signed request written as a curl command. */
export const CURL_GET_VANILLA = (() => {
  const signed = readVector('sigv4', 'aws-c-auth-v4', 'get-vanilla', 'header-signed-request.txt');
  const auth = /^Authorization:(.*)$/m.exec(signed)![1]!;
  return `curl https://example.amazonaws.com/ \\
  -H 'X-Amz-Date: 20150830T123600Z' \\
  -H 'Authorization: ${auth}'`;
})();

/** The aws-c-auth `post-x-www-form-urlencoded` request as a curl command: curl adds the signed length and type. */
export const CURL_FORM_POST = `$ curl -sS https://example.amazonaws.com/ \\
    -d Param1=value1 \\
    -H "X-Amz-Date: 20150830T123600Z" \\
    -H "x-amz-content-sha256: ${FORM_POST_SHA256}" \\
    -H "Authorization:${FORM_POST_AUTHORIZATION}"`;

/** Chrome's "Copy as cURL (bash)" for a console call: `$'…'` where the body needs escapes, `--compressed`. */
export const CHROME_CURL_BASH = `curl 'https://dynamodb.us-east-1.amazonaws.com/' \\
  -H 'accept: */*' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -H 'authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE12/20240301/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target, Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' \\
  -H 'content-type: application/x-amz-json-1.0' \\
  -H 'origin: https://us-east-1.console.aws.amazon.com' \\
  -H 'priority: u=1, i' \\
  -H 'sec-ch-ua: "Chromium";v="122", "Not(A:Brand";v="24", "Google Chrome";v="122"' \\
  -H 'sec-ch-ua-mobile: ?0' \\
  -H 'sec-ch-ua-platform: "macOS"' \\
  -H 'sec-fetch-dest: empty' \\
  -H 'sec-fetch-mode: cors' \\
  -H 'sec-fetch-site: same-site' \\
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36' \\
  -H 'x-amz-date: 20240301T120000Z' \\
  -H 'x-amz-security-token: IQoJb3JpZ2luX2VjEXAMPLETOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==' \\
  -H 'x-amz-target: DynamoDB_20120810.Query' \\
  --data-raw $'{"TableName":"Music","KeyConditionExpression":"Artist = :a","ExpressionAttributeValues":{":a":{"S":"No One You Know"}},"Note":"it\\'s \\u0021"}' \\
  --compressed`;

/** Chrome's "Copy as cURL (cmd)": carets everywhere, `^\\^"` for a quote inside the body. */
export const CHROME_CURL_CMD = `curl ^"https://dynamodb.us-east-1.amazonaws.com/^" ^
  -H ^"accept: */*^" ^
  -H ^"content-type: application/x-amz-json-1.0^" ^
  -H ^"x-amz-target: DynamoDB_20120810.ListTables^" ^
  --data-raw ^"^{^\\^"Limit^\\^":10^}^" ^
  --compressed`;

/** Firefox's "Copy as cURL": one line, `-X` spelled out. */
export const FIREFOX_CURL = `curl 'https://sts.amazonaws.com/' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br' -H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' -H 'X-Amz-Date: 20240301T120000Z' -H 'Origin: https://example.com' -H 'Connection: keep-alive' --data-raw 'Action=GetCallerIdentity&Version=2011-06-15'`;

interface PresignedExample {
  presigned_url: string;
}

/** The S3 documentation's presigned URL. */
export const S3_PRESIGNED_URL = readVectorJson<PresignedExample>(
  's3',
  'sigv4-presigned-url-example.json',
).presigned_url;

const h = (name: string, value: string) => ({ name, value });

/** A Chrome HAR export (HTTP/2: pseudo-headers, no Host) of a console page: a document, a preflight, and the S3 documentation's PUT Object. */
export const CHROME_HAR = JSON.stringify(
  {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        {
          startedDateTime: '2013-05-24T00:00:00.000Z',
          id: 'page_1',
          title: 'https://s3.console.aws.amazon.com/s3/buckets/examplebucket',
          pageTimings: { onContentLoad: 812.4, onLoad: 1210.7 },
        },
      ],
      entries: [
        {
          _initiator: { type: 'other' },
          _priority: 'VeryHigh',
          _resourceType: 'document',
          cache: {},
          connection: '443',
          pageref: 'page_1',
          request: {
            method: 'GET',
            url: 'https://s3.console.aws.amazon.com/s3/buckets/examplebucket?region=us-east-1',
            httpVersion: 'http/2.0',
            headers: [
              h(':authority', 's3.console.aws.amazon.com'),
              h(':method', 'GET'),
              h(':path', '/s3/buckets/examplebucket?region=us-east-1'),
              h(':scheme', 'https'),
              h('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'),
              h('accept-language', 'en-US,en;q=0.9'),
              h('upgrade-insecure-requests', '1'),
            ],
            queryString: [{ name: 'region', value: 'us-east-1' }],
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: '',
            httpVersion: 'http/2.0',
            headers: [],
            cookies: [],
            content: { size: 0, mimeType: 'text/html' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
            _transferSize: 4120,
          },
          serverIPAddress: '52.119.168.12',
          startedDateTime: '2013-05-24T00:00:00.100Z',
          time: 140.2,
          timings: {
            blocked: 2.1,
            dns: -1,
            ssl: -1,
            connect: -1,
            send: 0.3,
            wait: 120.4,
            receive: 17.4,
            _blocked_queueing: 1.2,
          },
        },
        {
          _initiator: { type: 'script' },
          _priority: 'High',
          _resourceType: 'preflight',
          cache: {},
          request: {
            method: 'OPTIONS',
            url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
            httpVersion: 'http/2.0',
            headers: [
              h(':authority', 'examplebucket.s3.amazonaws.com'),
              h(':method', 'OPTIONS'),
              h(':path', '/test$file.text'),
              h(':scheme', 'https'),
              h(
                'access-control-request-headers',
                'authorization,x-amz-content-sha256,x-amz-date,x-amz-storage-class',
              ),
              h('access-control-request-method', 'PUT'),
              h('origin', 'https://s3.console.aws.amazon.com'),
            ],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: '',
            httpVersion: 'http/2.0',
            headers: [],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
          },
          startedDateTime: '2013-05-24T00:00:00.300Z',
          time: 40.8,
          timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 38.1, receive: 1.5 },
        },
        {
          _initiator: { type: 'script' },
          _priority: 'High',
          _resourceType: 'fetch',
          cache: {},
          request: {
            method: 'PUT',
            url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
            httpVersion: 'http/2.0',
            headers: [
              h(':authority', 'examplebucket.s3.amazonaws.com'),
              h(':method', 'PUT'),
              h(':path', '/test$file.text'),
              h(':scheme', 'https'),
              h('accept', '*/*'),
              h(
                'authorization',
                'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
              ),
              h('content-length', '21'),
              h('date', 'Fri, 24 May 2013 00:00:00 GMT'),
              h('origin', 'https://s3.console.aws.amazon.com'),
              h('x-amz-content-sha256', '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072'),
              h('x-amz-date', '20130524T000000Z'),
              h('x-amz-storage-class', 'REDUCED_REDUNDANCY'),
            ],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: 21,
            postData: { mimeType: 'text/plain', text: 'Welcome to Amazon S3.' },
          },
          response: {
            status: 200,
            statusText: '',
            httpVersion: 'http/2.0',
            headers: [],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: 0,
          },
          startedDateTime: '2013-05-24T00:00:00.400Z',
          time: 210.5,
          timings: { blocked: 1.4, dns: -1, ssl: -1, connect: -1, send: 0.4, wait: 200.1, receive: 8.6 },
        },
      ],
    },
  },
  null,
  2,
);

/** Raw HTTP as pasted from a proxy (CRLF line ends): the aws-c-auth `post-x-www-form-urlencoded` request. */
export const RAW_FORM_POST = readVector(
  'sigv4',
  'aws-c-auth-v4',
  'post-x-www-form-urlencoded',
  'header-signed-request.txt',
).replace(/\r?\n/g, '\r\n');
