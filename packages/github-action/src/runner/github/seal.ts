/**
 * GitHub's secret encryption: libsodium's sealed box with the target's public key,
 * base64 (original variant) both ways. libsodium-wrappers is pinned to 0.8.4: 0.7.16's
 * ESM build is broken and 0.8.3 throws on load.
 */
import sodium from 'libsodium-wrappers';

/** Seal `value` for the holder of `publicKey` (base64, as GitHub's public-key endpoints give it). */
export async function seal(publicKey: string, value: string): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(publicKey, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
