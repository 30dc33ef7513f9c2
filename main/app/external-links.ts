/**
 * Which links leave the app for the system browser. https links to Microsoft services the app works
 * with open directly; other web links open only after the user says so; anything else (file:, smb:,
 * javascript:, custom schemes) never leaves the app.
 */
import { dialog, shell, type BaseWindow } from 'electron';

/** Microsoft sign-in, Partner Center, the Azure portal and Microsoft Learn. */
export const KNOWN_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'microsoft.com',
  'www.microsoft.com',
  'partner.microsoft.com',
  'partnercenter.microsoft.com',
  'portal.azure.com',
  'learn.microsoft.com',
]);

export type LinkVerdict = 'open' | 'ask' | 'refuse';

export interface LinkPolicy {
  /** The sign-in of the built-in demo runs on a loopback address (http://127.0.0.1:port). */
  readonly allowLoopback?: boolean;
}

export function linkVerdict(url: string, policy: LinkPolicy = {}): LinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refuse';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'refuse';
  if (parsed.username || parsed.password) return 'ask';
  if (policy.allowLoopback && ['127.0.0.1', '[::1]', 'localhost'].includes(parsed.hostname)) return 'open';
  return parsed.protocol === 'https:' && KNOWN_HOSTS.has(parsed.hostname) ? 'open' : 'ask';
}

/**
 * Opens `url` in the system browser if the policy allows it, asking first when it is not a known
 * Microsoft address. Resolves with whether it was opened.
 */
export async function openExternalLink(
  url: string,
  options: LinkPolicy & { readonly parent?: BaseWindow } = {},
): Promise<boolean> {
  const verdict = linkVerdict(url, options);
  if (verdict === 'refuse') return false;
  if (verdict === 'ask') {
    const question = {
      type: 'question' as const,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this link in your browser?',
      detail: `${url}\n\nIt is not a Microsoft address Reservation Desk works with. Open it only if you trust it.`,
    };
    const { response } = options.parent
      ? await dialog.showMessageBox(options.parent, question)
      : await dialog.showMessageBox(question);
    if (response !== 0) return false;
  }
  await shell.openExternal(url);
  return true;
}
