/** C0 controls, DEL and C1 controls (0x9b is the one-byte CSI of 8-bit terminals). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL = new RegExp(HAS_CONTROL.source, 'g');

/**
 * Text from a repository (a file's name inside a message, an API's answer) as it may reach a
 * terminal: every control character shown as a `\u001b`-style escape, so a cloned repository's
 * `.env.<ESC>]0;...` cannot move the cursor, clear the screen, retitle the terminal or hide the
 * lines around it. JSON and SARIF escape C0 controls themselves.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path as a line of its own: as it is, or, when it holds a control character, a JSON string with all of them escaped. */
export function printablePath(path: string): string {
  return HAS_CONTROL.test(path) ? printable(JSON.stringify(path)) : path;
}
