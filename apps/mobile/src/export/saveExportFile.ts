/*
 * Metro picks `saveExportFile.web.ts` for the web bundle and `saveExportFile.native.ts` on phones,
 * so expo-file-system and expo-sharing stay out of the web bundle; TypeScript reads this file.
 */
export { saveExportFile } from './saveExportFile.web';
