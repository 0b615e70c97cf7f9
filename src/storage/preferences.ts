/**
 * Small UI preferences (interface language) in localStorage. Never throws: when storage is
 * blocked (private browsing, file://, policy) the preference simply isn't remembered.
 */
const PREFIX = 'qvt:';

/** The localStorage key of a preference (the build's route preload reads the language's). */
export function preferenceStorageKey(key: string): string {
  return PREFIX + key;
}

export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

/** Forgets every preference of the app (the « delete all my data » button). */
export function clearPreferences(): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // nothing to clear when storage is unavailable
  }
}
