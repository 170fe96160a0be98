/**
 * POST policies (browser uploads to S3): the entry points the registry, the CLI and the page use.
 */

export {
  bucketOfUrl,
  checkPolicy,
  exemptFromCoverage,
  type CheckContext,
  type CheckStatus,
  type ConditionCheck,
} from './check';
export { readPostForm, type FormField, type FormFile, type PostForm } from './form';
export { POLICY_DOC, readPolicy, readPolicyJson, type PolicyCondition, type PostPolicy } from './policy';
export {
  postPolicySignature,
  POST_AUTH_DOC,
  signPostPolicy,
  type PostPolicyDetails,
  type SignPostPolicyInput,
} from './sign';
export { verifyPostPolicy, type PostPolicyVerifyDetails, type VerifyPostPolicyInput } from './verify';
export type { PolicySignatureCheck, V2PolicySigner } from './policy-signature';
