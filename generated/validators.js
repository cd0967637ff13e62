// Generated from openapi/ by `npm run generate`. Do not edit.
export { validateInteractionPage } from './validate-interaction-page.js';
export { validateInteractionRecordPage } from './validate-interaction-record-page.js';
export { validateInteractionRecord } from './validate-interaction-record.js';
export { validateTokenResponse } from './validate-token-response.js';
