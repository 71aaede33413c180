import type { ExportFile } from './logbookExport';

/**
 * The browser saves the file as a download: a Blob behind an `<a download>` link, clicked once
 * and let go. Nothing leaves the device, so it works offline.
 */
export async function saveExportFile(file: ExportFile): Promise<void> {
  const blob = new Blob([file.text], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; a moment later nothing needs the URL any more.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
