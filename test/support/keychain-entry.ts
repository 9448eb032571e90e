import keytar from 'keytar';

interface Entry {
  sendTo: string;
  secret: Record<string, string>;
  folder?: string;
}

/** What the keychain holds for a connection: the secret, where it may be sent and its data folder, or null. */
export async function keychainEntry(connectionId: string): Promise<Entry | null> {
  const stored = await keytar.getPassword('Reskontra', connectionId);
  return stored === null ? null : (JSON.parse(stored) as Entry);
}
