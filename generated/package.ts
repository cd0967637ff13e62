// Generated from package.json by `npm run generate`. Do not edit.
/** The package's name and version, for the User-Agent. */
export const pkg = {
  "name": "cxengage-interactions",
  "version": "0.1.0"
} as const;
