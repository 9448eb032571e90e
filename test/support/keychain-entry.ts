import keytar from 'keytar';

/** What the keychain holds for a connection: the secret and where it may be sent, or null. */
export async function keychainEntry(connectionId: string): Promise<{ sendTo: string; secret: Record<string, string> } | null> {
  const stored = await keytar.getPassword('Reskontra', connectionId);
  return stored === null ? null : (JSON.parse(stored) as { sendTo: string; secret: Record<string, string> });
}
