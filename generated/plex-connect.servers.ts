/**
 * This file was generated from openapi/plex-connect.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */

/** The server URL templates of the Plex Connect description, with their variables. */
export const servers = [
  {
    "url": "https://{tier}connect.plex.com",
    "variables": {
      "tier": {
        "description": "Empty for production (`connect.plex.com`), `test.` for the test environment (`test.connect.plex.com`). Some keys work on one tier only.",
        "default": "",
        "enum": [
          "",
          "test."
        ]
      }
    }
  }
] as const;
