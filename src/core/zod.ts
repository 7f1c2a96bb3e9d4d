/**
 * The one way Paper Scout's runtime code gets zod: zod mini (the functional API, a small fraction of
 * classic zod's size in the bundle) with English error messages. Without a locale, zod mini says only
 * "Invalid input"; classic zod would bundle every locale. Every module that defines a schema imports
 * this module (`import * as z from './zod'`), so the locale is configured before any schema can parse.
 * It re-exports zod mini's bindings one by one (`export *`) rather than as one namespace object, so the
 * bundler can still drop what is not used (every other locale, JSON Schema, ...).
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
