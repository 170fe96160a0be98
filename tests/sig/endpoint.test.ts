import { describe, expect, it } from 'vitest';
import { inferEndpoint } from '../../src/lib/sig/endpoint';

describe('inferEndpoint', () => {
  it.each([
    ['iam.amazonaws.com', 'iam', 'us-east-1'],
    ['ec2.eu-west-3.amazonaws.com', 'ec2', 'eu-west-3'],
    ['dynamodb.us-gov-west-1.amazonaws.com', 'dynamodb', 'us-gov-west-1'],
    ['examplebucket.s3.amazonaws.com', 's3', 'us-east-1'],
    ['my-bucket.s3.eu-west-1.amazonaws.com', 's3', 'eu-west-1'],
    ['my.dotted.bucket.s3.dualstack.ap-south-1.amazonaws.com', 's3', 'ap-south-1'],
    ['bucket.s3-us-west-2.amazonaws.com', 's3', 'us-west-2'],
    ['s3-external-1.amazonaws.com', 's3', 'us-east-1'],
    ['abc123.execute-api.us-east-1.amazonaws.com:443', 'execute-api', 'us-east-1'],
    ['sqs.cn-north-1.amazonaws.com.cn', 'sqs', 'cn-north-1'],
  ])('reads %s as %s in %s', (host, service, region) => {
    expect(inferEndpoint(host)).toEqual({ service, region });
  });

  it('does not guess for hosts outside AWS', () => {
    expect(inferEndpoint('storage.googleapis.com')).toBeUndefined();
    expect(inferEndpoint('localhost:9000')).toBeUndefined();
  });
});
