import { z } from 'zod';

// Imported first by main.ts, before any schema exists: zod decides at schema creation whether
// it may compile parsers with new Function(""), and its probe is reported as a violation of
// the page's CSP (no eval) at every start. Parsing without it is what the CSP allows anyway.
z.config({ jitless: true });
