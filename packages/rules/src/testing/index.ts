// Test helpers for the rules' users (the server's HTTP merge tests drive the same edits).
export * from './edits.js';
