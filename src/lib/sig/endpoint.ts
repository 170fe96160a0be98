/**
 * Guessing a request's region and service from its host, so that a pasted request signs without more typing.
 * https://docs.aws.amazon.com/general/latest/gr/rande.html
 */

/** A region and service read off a host name. */
export interface Endpoint {
  region: string;
  service: string;
}

/**
 * Reads `service.region.amazonaws.com`, `bucket.s3.region.amazonaws.com`, `s3.amazonaws.com` and global
 * endpoints such as `iam.amazonaws.com` (us-east-1). `undefined` for other hosts.
 */
export function inferEndpoint(host: string): Endpoint | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const m =
    /^(?:(.+)\.)?([a-z0-9-]+)(?:\.(dualstack|fips))?(?:\.([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d))?\.amazonaws\.com(?:\.cn)?$/.exec(
      name,
    );
  if (!m) return undefined;
  const [, , label, , region] = m;
  if (label === 's3' || label?.startsWith('s3-')) {
    const legacyRegion = label.startsWith('s3-') ? label.slice(3) : undefined;
    return {
      service: 's3',
      region: region ?? (legacyRegion && legacyRegion !== 'external-1' ? legacyRegion : 'us-east-1'),
    };
  }
  return { service: label!, region: region ?? 'us-east-1' };
}
