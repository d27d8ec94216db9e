// Input bytes to text: UTF-8 only, or one positioned message saying why not, the same on every face.
import { isUtf8 } from 'node:buffer';

export interface TextPosition { line: number; col: number }

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; kind: 'encoding' | 'utf16' | 'binary'; line: number; col: number; message: string };

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too (their second byte is out of range).
    const second = bytes[i + 1];
    if (n >= 2 && second !== undefined && ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Line and column (1-based, in characters) of a byte offset in bytes that are valid UTF-8 up to it. */
export function positionOf(bytes: Uint8Array, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; start = i + 1; }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, col: [...before].length + 1 };
}

/** The message for bytes that are not UTF-8 (every face words it the same). */
export function notUtf8Message(byte: number, at: TextPosition): string {
  return `not UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${at.line}, column ${at.col} is not valid UTF-8 (save the file as UTF-8)`;
}

/** UTF-16 text: a byte-order mark, or NULs at every other byte of ASCII-looking text. */
function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) evenNul++; if (bytes[i + 1] === 0) oddNul++; }
  const half = n / 2;
  return (evenNul > half * 0.8 && oddNul === 0) || (oddNul > half * 0.8 && evenNul === 0);
}

/**
 * Decodes a file's bytes as UTF-8 (a leading BOM is dropped). UTF-16 and binary files are named as such;
 * a NUL byte elsewhere, or any byte that is not UTF-8, is reported at its line and column.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (looksUtf16(bytes)) return { ok: false, kind: 'utf16', line: 1, col: 1, message: 'is UTF-16 text, not UTF-8 (save the file as UTF-8)' };
  const nul = bytes.indexOf(0);
  if (nul >= 0 && bytes.subarray(0, 8192).includes(0) && invalidUtf8At(bytes.subarray(0, 8192)) >= 0) {
    return { ok: false, kind: 'binary', line: 1, col: 1, message: 'is a binary file (it holds NUL bytes and bytes that are not text), not UTF-8 text' };
  }
  const bad = invalidUtf8At(bytes);
  if (bad >= 0 && (nul < 0 || bad < nul)) {
    const at = positionOf(bytes, bad);
    return { ok: false, kind: 'encoding', ...at, message: notUtf8Message(bytes[bad]!, at) };
  }
  if (nul >= 0) {
    const at = positionOf(bytes, nul);
    return { ok: false, kind: 'binary', ...at, message: `a NUL byte (0x00) at line ${at.line}, column ${at.col}: text input holds no control characters (remove it)` };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Control characters no value may hold: C0 except tab, newline and carriage return; DEL; C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** "U+0000" for the first control character of a text. */
export function controlCharacterName(text: string): string | undefined {
  const m = CONTROL_CHARACTER.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
