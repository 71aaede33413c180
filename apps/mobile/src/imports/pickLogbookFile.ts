/*
 * Metro picks `pickLogbookFile.web.ts` for the web bundle and `pickLogbookFile.native.ts` on
 * phones, so expo-document-picker stays out of the web bundle; TypeScript reads this file.
 */
export { pickLogbookFile } from './pickLogbookFile.web';
export type { PickedFile } from './pickedFile';
