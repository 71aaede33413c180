/** The modules of a QR code as the `qrcode` library makes them: `size` × `size`, row by row. */
export interface QrModules {
  size: number;
  get(row: number, col: number): number | boolean;
}

/** The quiet zone around a code, in modules: the standard asks for four. */
export const QUIET_ZONE = 4;

/**
 * One SVG path of every dark module, each a 1 × 1 square at its place (offset by the quiet zone),
 * runs of dark modules in a row joined into one rectangle: a few hundred commands, not thousands.
 */
export function qrPath(modules: QrModules): string {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}
