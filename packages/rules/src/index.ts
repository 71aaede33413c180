// The rules the phone and the server must compute identically live here, so neither side (nor a
// test double of the server) can drift from the other.
export * from './logbook/index.js';
export * from './merge/model.js';
export * from './merge/normalize.js';
export * from './merge/merge.js';
export * from './merge/route-order.js';
export * from './notes.js';
