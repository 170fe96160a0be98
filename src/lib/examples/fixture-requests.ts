/**
 * The requests behind the server-error fixtures (tests/fixtures/server-errors): each is the request as the client
 * sent it, carrying the signature the server reply quotes as SignatureProvided. Where the fixture does not give the
 * body, its hash is sent as x-amz-content-sha256 (left unsigned), which verifying takes as the payload hash.
 */

/** The fixtures' secret: the AWS documentation example key. */
export const FIXTURE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Request text by fixture id (`F1`, …). */
export const FIXTURE_REQUESTS: Readonly<Record<string, string>> = {
  // S3 GET: the client encoded the path twice (cat%2520%25281%2529.jpg) but sent it encoded once.
  F1: [
    'GET /photos/cat%20%281%29.jpg HTTP/1.1',
    'Host: examplebucket.s3.amazonaws.com',
    'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'x-amz-date: 20240115T120000Z',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=cd805ada07d833affb817f8196f995bb7ed3eb6e9716354950caee684889b9a4',
    '',
    '',
  ].join('\n'),
  // S3 presigned URL: the session token was added to the URL after signing.
  F2:
    'https://examplebucket.s3.us-east-1.amazonaws.com/reports/q1%202024.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    '&X-Amz-Credential=ASIAEXAMPLE%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T120000Z' +
    '&X-Amz-Expires=3600&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLETOKEN%2F%2F%2F%2F&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=48db2bab7d7ffaf835588e17d22d119fa6ed8a093e5945479f75856f4ea6fa46',
  // API Gateway: the client encoded the path once, as S3 does; other services encode it twice.
  F5: [
    'POST /prod/%40connections/R0oXAdfD0kwCH6w%3D HTTP/1.1',
    'Host: abc123.execute-api.us-east-1.amazonaws.com',
    'Content-Type: application/json',
    'X-Amz-Date: 20240115T120000Z',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=9b65f5bcd5880ca395b5f3c72b91951ccd3e1e7d0a6726ba574d9c7c20a23ddf',
    '',
    '{"data":"hi"}',
  ].join('\n'),
  // SQS: signed with "; charset=utf-8", which a proxy dropped before the server saw it.
  F6: [
    'POST / HTTP/1.1',
    'Host: sqs.us-east-1.amazonaws.com',
    'Content-Type: application/x-www-form-urlencoded; charset=utf-8',
    'X-Amz-Date: 20240115T120000Z',
    'x-amz-content-sha256: 3c7834844982b29b40bffdb1d5eb29df246caad666b5593a0f1bb56fe01e5d2c',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=264a35e54fb6321782bdd6ff31b48898048fd18e2ca9a9a4d30a196831e323f1',
    '',
    '',
  ].join('\n'),
  // The request the client logs (tests/fixtures/client-logs) describe: S3 ListObjectsV2, prefix=logs/.
  L: [
    'GET /?list-type=2&prefix=logs%2F HTTP/1.1',
    'Host: examplebucket.s3.amazonaws.com',
    'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'x-amz-date: 20240115T120000Z',
    'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=3833416f08b7002400abc59001e4d7b99749404bcde037da6f5aeed5ceb4d048',
    '',
    '',
  ].join('\n'),
};
