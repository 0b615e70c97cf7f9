/** Saves a file on the user's device: no network, a Blob and a temporary link. */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe slug of a title: accents folded, spaces to dashes. */
export function slugify(text: string, fallback = 'diagnostic'): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

/** Reads a user-chosen file as text, refusing files over `maxBytes` before reading them. */
export async function readFileText(
  file: File,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'tooLarge' | 'unreadable' }> {
  if (file.size > maxBytes) return { ok: false, reason: 'tooLarge' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
