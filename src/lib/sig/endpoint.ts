/**
 * Guessing a request's region and service from its host, so that a pasted request signs without more typing.
 * https://docs.aws.amazon.com/general/latest/gr/rande.html
 */

/** A region and service read off a host name. */
export interface Endpoint {
  region: string;
  service: string;
}

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * Reads `service.region.amazonaws.com`, `bucket.s3.region.amazonaws.com`, `bucket.s3-region.amazonaws.com`,
 * `s3.amazonaws.com` and global endpoints such as `iam.amazonaws.com` (us-east-1). `undefined` for other hosts.
 */
export function inferEndpoint(host: string): Endpoint | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const m = /^(.*)\.amazonaws\.com(?:\.cn)?$/.exec(name);
  if (!m) return undefined;
  const labels = m[1]!.split('.').filter((l) => l !== 'dualstack' && l !== 'fips');
  const region = labels.find((l) => REGION.test(l));
  // S3: any label `s3`, `s3-<region>` or `s3-external-1`, wherever the bucket name puts it.
  const s3 = labels.findLast((l) => l === 's3' || l.startsWith('s3-'));
  if (s3) {
    const legacy = s3.startsWith('s3-') ? s3.slice(3) : undefined;
    return { service: 's3', region: region ?? (legacy && REGION.test(legacy) ? legacy : 'us-east-1') };
  }
  const regionAt = region ? labels.lastIndexOf(region) : labels.length;
  const service = labels[regionAt - 1];
  return service ? { service, region: region ?? 'us-east-1' } : undefined;
}

/** The region a host names explicitly (`….eu-west-1.amazonaws.com`), if it names one. */
export function regionInHost(host: string): string | undefined {
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.');
  return (
    labels.find((l) => REGION.test(l)) ?? labels.map((l) => l.replace(/^s3-/, '')).find((l) => REGION.test(l))
  );
}
