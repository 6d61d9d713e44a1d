/**
 * Base64 for bytes sent through extension messaging (an imported corpus file can be tens of
 * megabytes: the bytes are turned into characters a slice at a time, not all as arguments at once).
 */

const SLICE = 0x8000;

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/** Bytes of base64 text. */
export function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
