/**
 * The emulator's HTML: the sign-in page, the device-code verification pages, the form_post
 * hand-back to the app's loopback listener, and plain message pages. Every value is escaped.
 */
import { escapeHtml } from './http.ts';

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f2f2f2;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;padding:2rem 2.5rem;width:22rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.5rem 1.5rem;background:#0067b8;color:#fff;border:0}
.error{color:#a80000;margin-top:1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function hidden(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

function errorLine(error: string | undefined): string {
  return error === undefined ? '' : `<p class="error" id="error" role="alert">${escapeHtml(error)}</p>`;
}

export interface LoginPageOptions {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly subtitle: string;
  readonly username?: string | undefined;
  readonly error?: string | undefined;
}

export function loginPage(o: LoginPageOptions): string {
  return layout(
    'Sign in',
    `<p>${escapeHtml(o.subtitle)}</p>${errorLine(o.error)}
<form method="post" action="${escapeHtml(o.action)}">${hidden(o.fields)}
<label for="username">Email or user name</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(o.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="submit" type="submit">Sign in</button></form>`,
  );
}

export function deviceCodePage(action: string, error?: string): string {
  return layout(
    'Enter code',
    `<p>Enter the code displayed on your app or device.</p>${errorLine(error)}
<form method="post" action="${escapeHtml(action)}">
<label for="otc">Code</label><input id="otc" name="otc" autocomplete="off" required>
<button id="next" type="submit">Next</button></form>`,
  );
}

/** Posts the authorization response to the app's redirect URI (response_mode=form_post). */
export function formPostPage(redirectUri: string, fields: Readonly<Record<string, string>>): string {
  return layout(
    'Working…',
    `<form method="post" action="${escapeHtml(redirectUri)}">${hidden(fields)}
<noscript><button type="submit">Continue</button></noscript></form>
<script>document.forms[0].submit()</script>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<p id="message">${escapeHtml(text)}</p>`);
}
