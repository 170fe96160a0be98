/**
 * Client logs in the shapes the fixtures do not cover, built from L1's own values so they all describe the same
 * request: aws-sdk-go-v2, AWS SDK for Java v2, awscurl -v (real `pprint` output), curl -v --aws-sigv4, and a bare
 * aws4-style paste. Each shape follows the logging code of its tool (see the reader modules for the sources).
 */

import { fixture } from '../server-error/fixture-files';

const L1 = fixture('L1');

/** L1's canonical request, cut out with plain string operations. */
export const CANONICAL_REQUEST = L1.split('CanonicalRequest:\n')[1]!.split('\n2024-01-15 ')[0]!;
/** L1's string to sign. */
export const STRING_TO_SIGN = L1.split('StringToSign:\n')[1]!.split('\n2024-01-15 ')[0]!;
/** L1's signature. */
export const SIGNATURE = L1.split('Signature:\n')[1]!.trim();
/** The Authorization header that carries L1's signature. */
export const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${SIGNATURE}`;

/** aws-sdk-go-v2 with `ClientLogMode: aws.LogSigning`, through the default logger (`SDK <date> DEBUG …`). */
export const GO_V2 = `SDK 2024/01/15 12:00:00 DEBUG Request Signature:
---[ CANONICAL STRING  ]-----------------------------
${CANONICAL_REQUEST}
---[ STRING TO SIGN ]--------------------------------
${STRING_TO_SIGN}
-----------------------------------------------------
`;

/** AWS SDK for Java v2 with the signer's logger at DEBUG (a log4j pattern layout). */
export const JAVA_V2 = `2024-01-15 12:00:00,123 [main] DEBUG software.amazon.awssdk.auth.signer.Aws4Signer - AWS4 Canonical Request: ${CANONICAL_REQUEST}
2024-01-15 12:00:00,123 [main] DEBUG software.amazon.awssdk.auth.signer.Aws4Signer - AWS4 Canonical Request Hash: ${STRING_TO_SIGN.split('\n')[3]}
2024-01-15 12:00:00,124 [main] DEBUG software.amazon.awssdk.auth.signer.Aws4Signer - AWS4 String to sign: ${STRING_TO_SIGN}
2024-01-15 12:00:00,125 [main] DEBUG software.amazon.awssdk.request - Sending Request: …
`;

/** `awscurl -v` stderr, as Python 3's pprint wrote it for L1's values (pasted from a real run of pprint). */
export const AWSCURL = String.raw`{'data': '', 'region': 'us-east-1', 'service': 's3', 'verbose': True}
''
('\n'
 'CANONICAL REQUEST = GET\n'
 '/\n'
 'list-type=2&prefix=logs%2F\n'
 'host:examplebucket.s3.amazonaws.com\n'
 'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n'
 'x-amz-date:20240115T120000Z\n'
 '\n'
 'host;x-amz-content-sha256;x-amz-date\n'
 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
('\n'
 'STRING_TO_SIGN = AWS4-HMAC-SHA256\n'
 '20240115T120000Z\n'
 '20240115/us-east-1/s3/aws4_request\n'
 '416335b9d34d0e038b4165b285bb0f91aef4431f1c8e0d86ad158034371f93e6')
'\nHEADERS++++++++++++++++++++++++++++++++++++'
{'Authorization': 'AWS4-HMAC-SHA256 '
                  'Credential=AKIDEXAMPLE/20240115/us-east-1/s3/aws4_request, '
                  'SignedHeaders=host;x-amz-date, '
                  'Signature=3833416f08b7002400abc59001e4d7b99749404bcde037da6f5aeed5ceb4d048',
 'x-amz-date': '20240115T120000Z'}
'\nBEGIN REQUEST++++++++++++++++++++++++++++++++++++'
`;

/** `curl -v --aws-sigv4 aws:amz:us-east-1:s3`: lib/http_aws_sigv4.c's infof lines among curl's own. */
export const CURL = `*   Trying 192.0.2.10:443...
* Connected to examplebucket.s3.amazonaws.com (192.0.2.10) port 443
* aws_sigv4: Canonical request (enclosed in []) - [${CANONICAL_REQUEST}]
* aws_sigv4: String to sign (enclosed in []) - [${STRING_TO_SIGN}]
* aws_sigv4: Signature - ${SIGNATURE}
> GET /?list-type=2&prefix=logs%2F HTTP/1.1
> Host: examplebucket.s3.amazonaws.com
> Authorization: ${AUTHORIZATION}
> x-amz-date: 20240115T120000Z
>
`;

/** What the aws4 npm package's `canonicalString()`, `stringToSign()` and `signature()` print, one after another. */
export const AWS4 = `${CANONICAL_REQUEST}\n${STRING_TO_SIGN}\n${SIGNATURE}\n`;
