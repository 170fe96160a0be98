/**
 * The named settings of S3 Signature Version 2, each a quirk some client or store needs, with a doc comment that
 * says which. https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

/** Where the bucket of a request is read from. */
export type S3V2HostStyle = 'auto' | 'path' | 'virtual';

/** The quirks of S3 SigV2, as named settings. */
export interface S3V2Settings {
  /**
   * How the bucket is found. `auto`: an `<bucket>.s3….amazonaws.com` host is virtual-hosted (the bucket is the
   * part before `.s3`), an S3 endpoint without a bucket (`s3.amazonaws.com`, `s3.us-west-1.amazonaws.com`), an IP
   * address or a host without a dot (`localhost`) is path-style, and any other host is a CNAME whose whole name is
   * the bucket, as the S3 guide defines. `path`: the bucket is in the path whatever the host (S3-compatible stores
   * on their own domain: MinIO, Ceph, Wasabi behind a custom name). `virtual`: the first label of the host is the
   * bucket.
   */
  hostStyle: S3V2HostStyle;
  /**
   * The query parameters that are sub-resources, signed in the canonical resource (sorted, values decoded); any
   * other parameter (`prefix`, `max-keys`, `marker`…) is not signed. The default is the union of the S3 guide's
   * list, botocore's and the AWS SDK for JavaScript v2's; an S3-compatible store may sign fewer.
   */
  subResources: readonly string[];
  /**
   * Put the `x-amz-date` value in the Date line and leave `x-amz-date` out of the x-amz-* headers, as the S3
   * guide's DELETE example shows. S3 itself, botocore and the AWS SDKs sign an empty Date line and `x-amz-date`
   * among the x-amz-* headers (off, the default).
   */
  amzDateInDateLine: boolean;
  /**
   * Presigned URLs: move the request's x-amz-* headers into the query string, so that whoever follows the URL
   * need not send them, as botocore's presigner does (S3 reads x-amz-* from the query of a presigned URL and
   * signs them the same way). Off: they stay headers, as the AWS SDK for JavaScript v2 leaves them.
   */
  hoistAmzHeaders: boolean;
}

/** The sub-resources of the S3 guide, botocore's `QSAOfInterest` and aws-sdk-js v2's `subResources`. */
export const S3_SUB_RESOURCES: readonly string[] = [
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'defaultObjectAcl',
  'delete',
  'inventory',
  'lifecycle',
  'location',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'partNumber',
  'policy',
  'replication',
  'requestPayment',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'restore',
  'select',
  'select-type',
  'storageClass',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
];

/** S3 as AWS runs it. */
export const S3V2_DEFAULTS: Readonly<S3V2Settings> = {
  hostStyle: 'auto',
  subResources: S3_SUB_RESOURCES,
  amzDateInDateLine: false,
  hoistAmzHeaders: true,
};

/** The defaults with the given overrides. */
export function resolveS3V2Settings(overrides: Partial<S3V2Settings> = {}): S3V2Settings {
  return { ...S3V2_DEFAULTS, ...overrides };
}
