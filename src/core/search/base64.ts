/** Base64 without Node's Buffer where it is missing (the web extension host), for the JSON form of the index. */
interface NodeBuffer {
  from(data: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64'): string };
  from(data: string, encoding: 'base64'): Uint8Array;
}

const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** `bytes` as base64 text. */
export function toBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** The bytes of base64 `text`, in a 4-byte aligned buffer. */
export function fromBase64(text: string): Uint8Array {
  if (nodeBuffer) {
    const decoded = nodeBuffer.from(text, 'base64');
    return decoded.byteOffset % 4 === 0 ? decoded : new Uint8Array(decoded);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
