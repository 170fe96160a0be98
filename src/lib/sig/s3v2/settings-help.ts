/**
 * The S3 SigV2 settings as descriptors for the settings form and the CLI's help, the same as their comments in
 * settings.ts.
 */

import type { SettingDescriptor } from '../trace';
import { S3V2_DEFAULTS, type S3V2Settings } from './settings';

/** Every S3 SigV2 setting, in the order the form shows them. */
export const S3V2_SETTINGS: readonly SettingDescriptor<keyof S3V2Settings>[] = [
  {
    name: 'hostStyle',
    type: 'enum',
    values: ['auto', 'path', 'virtual'],
    default: S3V2_DEFAULTS.hostStyle,
    doc: 'How the bucket is found. auto: a <bucket>.s3….amazonaws.com host is virtual-hosted, an S3 endpoint without a bucket, an IP address or a host without a dot is path-style, any other host is a CNAME whose whole name is the bucket. path: the bucket is in the path whatever the host (S3-compatible stores on their own domain). virtual: the first label of the host is the bucket.',
  },
  {
    name: 'subResources',
    type: 'list',
    default: [...S3V2_DEFAULTS.subResources],
    doc: 'The query parameters that are sub-resources, signed in the canonical resource (sorted, values decoded); any other parameter is not signed. The default is the union of the S3 guide’s list, botocore’s and the AWS SDK for JavaScript v2’s; an S3-compatible store may sign fewer.',
  },
  {
    name: 'amzDateInDateLine',
    type: 'boolean',
    default: S3V2_DEFAULTS.amzDateInDateLine,
    doc: 'Put the x-amz-date value in the Date line and leave x-amz-date out of the x-amz-* headers, as the S3 guide’s DELETE example shows. S3 itself, botocore and the AWS SDKs sign an empty Date line and x-amz-date among the x-amz-* headers.',
    neededBy: 'the S3 developer guide’s DELETE example',
  },
  {
    name: 'hoistAmzHeaders',
    type: 'boolean',
    default: S3V2_DEFAULTS.hoistAmzHeaders,
    doc: 'Presigned URLs: move the request’s x-amz-* headers into the query string, so that whoever follows the URL need not send them, as botocore’s presigner does (S3 reads x-amz-* from the query of a presigned URL and signs them the same way). Off: they stay headers, as the AWS SDK for JavaScript v2 leaves them.',
  },
];
