// Test helpers for the contract's users: routes with every declared field set.
export * from './route-content.js';
