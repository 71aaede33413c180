/** A file the climber chose: its name and its bytes, as read on the device. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}
