/**
 * Opens a URL in the user's default browser from the CLI (xdg-open, open, or start), without
 * waiting for it and without a shell; the URL is printed too, so a failure to open is harmless.
 */
import { spawn } from 'node:child_process';

export function systemOpener(platform: NodeJS.Platform = process.platform): (url: string) => Promise<void> {
  return (url) => {
    const [command, args] =
      platform === 'darwin'
        ? ['open', [url]]
        : platform === 'win32'
          ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
          : ['xdg-open', [url]];
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // No opener on this system: the printed URL is the way in.
    }
    return Promise.resolve();
  };
}
