import { randomBytes } from 'node:crypto';
import type { App } from '../../src/app.ts';
import type { Visitor } from './http.ts';

export type UploadFile = { field: string; fileName: string; content: Buffer; contentType?: string };

/** A multipart/form-data body as a browser sends it: fields, then files. */
export function multipartBody(fields: Record<string, string | string[]>, files: UploadFile[] = []) {
  const boundary = `----cydwella${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`));
    }
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form with the visitor's cookies and a CSRF token taken from `tokenFrom`. */
export async function postMultipart(
  app: App,
  visitor: Visitor,
  url: string,
  fields: Record<string, string | string[]>,
  files: UploadFile[] = [],
  options: { tokenFrom?: string } = {},
) {
  const token = await visitor.csrfToken(options.tokenFrom ?? url);
  const { payload, contentType } = multipartBody({ _csrf: token, ...fields }, files);
  const cookie = Object.entries(visitor.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
}
