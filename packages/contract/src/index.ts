export * from './limits.js';
export * from './errors.js';
export * from './auth.js';
export * from './catalogue.js';
export * from './session.js';
export * from './route-fields.js';
