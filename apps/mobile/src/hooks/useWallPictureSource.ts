import { useCallback } from 'react';
import { useServices } from './services';
import { useExternalValue } from './useExternalValue';

/** The uri an image shows for a wall picture: the device's copy once it is kept. */
export function useWallPictureSource(url: string): string {
  const { pictures } = useServices();
  const read = useCallback(() => pictures.sourceOf(url), [pictures, url]);
  return useExternalValue(pictures.subscribe, read);
}
