/**
 * The example the /policy page opens on: the S3 API Reference's SigV4 POST example
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html): its form, its Base64 policy (the
 * policy's JSON with CRLF line endings) and its signature, with AWS's published example keys. The values are the
 * page's, as recorded in tests/vectors/s3/sigv4-post-policy-examples.json (see SOURCES.md there); the engine
 * computes nothing here.
 */

/** The example's Base64 policy, as the page prints it. */
export const EXAMPLE_POLICY =
  'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJz' +
  'aWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJw' +
  'dWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6' +
  'b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2Uv' +
  'Il0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRp' +
  'b24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRl' +
  'bnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXot' +
  'YWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9';

/** The example's signature, as the page prints it. */
export const EXAMPLE_SIGNATURE = '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e';

/** The form the page shows, with its Policy and X-Amz-Signature filled in. */
export const EXAMPLE_FORM = `<form action="http://sigv4examplebucket.s3.amazonaws.com/" method="post" enctype="multipart/form-data">
  Key to upload:
  <input type="input"  name="key" value="user/user1/\${filename}" /><br />
  <input type="hidden" name="acl" value="public-read" />
  <input type="hidden" name="success_action_redirect" value="http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html" />
  Content-Type:
  <input type="input"  name="Content-Type" value="image/jpeg" /><br />
  <input type="hidden" name="x-amz-meta-uuid" value="14365123651274" />
  <input type="hidden" name="x-amz-server-side-encryption" value="AES256" />
  <input type="text"   name="X-Amz-Credential" value="AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request" />
  <input type="text"   name="X-Amz-Algorithm" value="AWS4-HMAC-SHA256" />
  <input type="text"   name="X-Amz-Date" value="20151229T000000Z" />

  Tags for File:
  <input type="input"  name="x-amz-meta-tag" value="" /><br />
  <input type="hidden" name="Policy" value='${EXAMPLE_POLICY}' />
  <input type="hidden" name="X-Amz-Signature" value="${EXAMPLE_SIGNATURE}" />
  File:
  <input type="file"   name="file" /> <br />
  <!-- The elements after this will be ignored -->
  <input type="submit" name="submit" value="Upload to Amazon S3" />
</form>`;

/** The example's secret access key: AWS's published example key, which signs nothing real. */
export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** The time the example is checked at: its X-Amz-Date, before the policy's expiration. */
export const EXAMPLE_TIME = '2015-12-29T00:00:00Z';

/**
 * The S3 Developer Guide's SigV2 upload ("Upload examples (AWS signature version 2)", the johnsmith revision;
 * tests/vectors/s3/sigv2-post-policy-examples.json): its fields, its Base64 policy and the signature it prints.
 * That signature does not sign the policy under the guide's key (the vector file records it): the page says so.
 */
export const EXAMPLE_V2 = {
  policy:
    'eyAiZXhwaXJhdGlvbiI6ICIyMDA3LTEyLTAxVDEyOjAwOjAwLjAwMFoiLAogICJjb25kaXRpb25zIjogWwogICAgeyJidWNrZXQiOiAiam9o' +
    'bnNtaXRoIn0sCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci9lcmljLyJdLAogICAgeyJhY2wiOiAicHVibGljLXJlYWQifSwK' +
    'ICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL2pvaG5zbWl0aC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBs' +
    'b2FkLmh0bWwifSwKICAgIFsic3RhcnRzLXdpdGgiLCAiJENvbnRlbnQtVHlwZSIsICJpbWFnZS8iXSwKICAgIHsieC1hbXotbWV0YS11dWlk' +
    'IjogIjE0MzY1MTIzNjUxMjc0In0sCiAgICBbInN0YXJ0cy13aXRoIiwgIiR4LWFtei1tZXRhLXRhZyIsICIiXQogIF0KfQo=',
  signature: '0RavWzkygo6QX9caELEqKi9kDbU=',
  bucket: 'johnsmith',
  time: '2007-11-30T00:00:00Z',
} as const;

/** The guide's SigV2 form as name=value lines. */
export const EXAMPLE_V2_FORM = [
  'key=user/eric/',
  'acl=public-read',
  'success_action_redirect=http://johnsmith.s3.amazonaws.com/successful_upload.html',
  'Content-Type=image/jpeg',
  'x-amz-meta-uuid=14365123651274',
  'x-amz-meta-tag=',
  'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE',
  `Policy=${EXAMPLE_V2.policy}`,
  `Signature=${EXAMPLE_V2.signature}`,
].join('\n');
