/**
 * Each lesson's starting example (requests from the AWS documentation's own examples, with AWS's published example
 * keys) and the facts the /learn table compares. The stages themselves are never written here: the engine computes
 * them from the example.
 */

import type { Example, LessonId } from './teach';

/** AWS's published example key pair (IAM and S3 documentation); it signs nothing real. */
export const EXAMPLE_KEY = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

const query = (host: string, params: string) => `GET /?${params} HTTP/1.1\nHost: ${host}\n\n`;

/** The example each lesson opens on. */
export const EXAMPLES: Record<LessonId, Example> = {
  sigv4: {
    ...EXAMPLE_KEY,
    request:
      'GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nHost: iam.amazonaws.com\n' +
      'Content-Type: application/x-www-form-urlencoded; charset=utf-8\nX-Amz-Date: 20150830T123600Z\n\n',
    settings: {},
  },
  'sigv4-s3': {
    ...EXAMPLE_KEY,
    request:
      'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nRange: bytes=0-9\nX-Amz-Date: 20130524T000000Z\n\n',
    settings: {},
  },
  sigv4a: {
    ...EXAMPLE_KEY,
    request:
      'GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\nHost: iam.amazonaws.com\nX-Amz-Date: 20150830T123600Z\n\n',
    settings: {},
  },
  sigv2: {
    ...EXAMPLE_KEY,
    request: query(
      'elasticmapreduce.amazonaws.com',
      'Action=DescribeJobFlows&Version=2009-03-31&AWSAccessKeyId=AKIDEXAMPLE&SignatureVersion=2' +
        '&SignatureMethod=HmacSHA256&Timestamp=2011-10-03T15%3A19%3A30',
    ),
    settings: {},
  },
  s3v2: {
    ...EXAMPLE_KEY,
    request:
      'GET /photos/puppy.jpg HTTP/1.1\nHost: awsexamplebucket1.s3.us-west-1.amazonaws.com\nDate: Tue, 27 Mar 2007 19:36:42 +0000\n\n',
    settings: {},
  },
  sigv1: {
    ...EXAMPLE_KEY,
    request: query(
      'sdb.amazonaws.com',
      'Action=PutAttributes&DomainName=users&ItemName=alice&Attribute.1.Name=role&Attribute.1.Value=reader' +
        '&AWSAccessKeyId=AKIDEXAMPLE&SignatureVersion=1&Timestamp=2008-12-18T10%3A00%3A00Z&Version=2007-11-07',
    ),
    settings: {},
  },
  sigv0: {
    ...EXAMPLE_KEY,
    request: query(
      'sdb.amazonaws.com',
      'Action=ListDomains&AWSAccessKeyId=AKIDEXAMPLE&SignatureVersion=0&Timestamp=2007-11-07T12%3A00%3A00Z&Version=2007-11-07',
    ),
    settings: {},
  },
};

/** One row of the /learn comparison table. */
export interface LessonFacts {
  algorithm: string;
  signs: string;
  where: string;
  replay: string;
  accepted: string;
}

/** The comparison table's rows, as AWS documents each scheme. */
export const FACTS: Record<LessonId, LessonFacts> = {
  sigv4: {
    algorithm: 'HMAC-SHA256, key derived per day, region and service',
    signs: 'Method, path, query, the headers listed in SignedHeaders, the payload hash',
    where: 'Authorization header, or X-Amz-* query parameters (presigned URL)',
    replay: '5 minutes of clock skew; presigned URLs up to 7 days (X-Amz-Expires)',
    accepted: 'Every AWS service',
  },
  'sigv4-s3': {
    algorithm: 'HMAC-SHA256, as SigV4',
    signs: 'As SigV4, path encoded once, x-amz-content-sha256 (or UNSIGNED-PAYLOAD)',
    where: 'Authorization header, or a presigned URL',
    replay: '5 minutes of clock skew; presigned URLs up to 7 days',
    accepted: 'Amazon S3 (all regions)',
  },
  sigv4a: {
    algorithm: 'ECDSA P-256 over SHA-256, key derived from the secret',
    signs: 'As SigV4, with X-Amz-Region-Set; the scope has no region',
    where: 'Authorization header, or a presigned URL',
    replay: 'As SigV4',
    accepted: 'S3 Multi-Region Access Points, global endpoints (EventBridge, CloudFront KeyValueStore)',
  },
  sigv2: {
    algorithm: 'HMAC-SHA256 or HMAC-SHA1, Base64',
    signs: 'Method, host, path and every query (or form) parameter, sorted by byte, encoded, with = and &',
    where: 'Signature query or form parameter',
    replay: 'Timestamp within 15 minutes, or Expires',
    accepted: 'Older Query APIs (EC2, SQS, SimpleDB, EMR) and S3-compatible stores; AWS is retiring it',
  },
  s3v2: {
    algorithm: 'HMAC-SHA1, Base64',
    signs:
      'Method, Content-MD5, Content-Type, Date, x-amz-* headers, bucket and key with sub-resources; not the Host',
    where: 'Authorization: AWS key:signature, or Signature in the URL with Expires',
    replay: '15 minutes of Date skew; a URL until its Expires',
    accepted: 'S3 buckets in regions opened before 2014, for buckets created before June 2020',
  },
  sigv1: {
    algorithm: 'HMAC-SHA1, Base64',
    signs: 'Parameter names and values only, sorted ignoring case, joined with no delimiter',
    where: 'Signature query or form parameter',
    replay: 'Timestamp within 15 minutes, or Expires',
    accepted: 'None: retired after the 2008 collision',
  },
  sigv0: {
    algorithm: 'HMAC-SHA1, Base64',
    signs: 'Action and Timestamp only',
    where: 'Signature query or form parameter',
    replay: 'Timestamp within 15 minutes',
    accepted: 'None',
  },
};
