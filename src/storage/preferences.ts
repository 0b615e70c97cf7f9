/**
 * Small UI preferences (interface language) in localStorage. Never throws: when storage is
 * blocked (private browsing, file://, policy) the preference simply isn't remembered.
 */
const PREFIX = 'qvt:';

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

export function removePreference(key: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + key);
  } catch {
    // nothing to remove when storage is unavailable
  }
}
