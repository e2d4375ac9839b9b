/**
 * The most of a response body the SDK reads. An answer of the DHMAD API is a few kilobytes (a
 * page of 100 keys is about 100 KB); a server that sends gigabytes (a wrong `baseUrl`, a hostile
 * stand-in) would otherwise fill the memory before the timeout ends the request.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The body as text, or null (and the rest of it not read) when it is over `limit` bytes. */
export async function readBodyText(response: Response, limit: number = MAX_RESPONSE_BYTES): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    return null;
  }
  // A fetch of the caller's own may give a Response without a stream.
  if (response.body === null || typeof response.body.getReader !== 'function') return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
