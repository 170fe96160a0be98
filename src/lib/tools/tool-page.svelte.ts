/**
 * The state a tool page (/policy, /events) keeps: its inputs (opening on the example), the notice about the link
 * it was opened with, whether it is interactive yet, and its share link. The view itself is derived by the page
 * from `input` with the tool's pure view-model.
 */

import { decodeToolShare, encodeToolShare, type ToolFields } from './share';

/** A tool page's inputs: text fields, by name. */
export class ToolPage<T extends { [K in keyof T]: string }> {
  input: T = $state() as T;
  notice = $state('');
  /** Set once the page is interactive: the browser tests wait for it. */
  hydrated = $state(false);

  /**
   * `tool` names the page in its links; `secrets` are the fields a link leaves out unless asked; `read` turns a
   * link's fields (already known names, all strings) into inputs, checking any that take only some values.
   */
  constructor(
    readonly tool: string,
    readonly example: T,
    readonly secrets: readonly (keyof T & string)[],
    readonly read: (fields: ToolFields) => T,
  ) {
    this.input = { ...example };
  }

  /** Loads the link the page was opened with (`location.hash`), or says what was wrong with it. */
  async open(hash: string): Promise<void> {
    this.hydrated = true;
    const d = await decodeToolShare(hash, this.tool, Object.keys(this.example), this.secrets);
    if (d.kind === 'bad') this.notice = d.notice;
    if (d.kind !== 'ok') return;
    this.input = this.read(d.fields);
    const said = [d.hasSecrets ? 'This link carries a secret access key.' : ''];
    if (d.issues.length > 0) said.push(`From the link: ${d.issues.join('; ')}.`);
    this.notice = said.filter(Boolean).join(' ');
  }

  /** The share fragment for the inputs as they are. */
  share = (includeSecrets: boolean): Promise<string> =>
    encodeToolShare(this.tool, { ...this.input }, this.secrets, includeSecrets);

  /** Back to the example. */
  reset = (): void => {
    this.input = { ...this.example };
  };
}
