/**
 * The legacy schemes' typed surface (SigV2, S3 SigV2, SigV1, SigV0), for the layers that work on their artefacts
 * themselves: diagnosis compares S3's StringToSign line by line, the lab shows the SigV1 collision, the page keeps
 * their settings. Outside the scheme folders and the registry nothing imports them (eslint.config.js enforces it).
 */

export { parseS3V2StringToSign } from './s3v2/string-to-sign';
export type { S3V2StringToSignParts } from './s3v2/string-to-sign';
export { verifyS3V2 } from './s3v2/verify';
export { collide } from './v1/collide';
export type { Collision } from './v1/collide';
export { signV1 } from './v1/sign';
export { placeSignature } from './v2/query-request';
