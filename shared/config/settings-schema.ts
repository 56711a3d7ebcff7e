// Schema of the app settings; the settings form and main's IPC handler both check against it.

import * as v from 'valibot';
import { ConfigSchema, TargetSchema } from './schema';

const hhmm = v.pipe(
  v.string('a time'),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, e.g. "22:00"'),
);

/** Notification preferences. */
export const NotificationSettingsSchema = v.strictObject({
  outage: v.boolean('true or false'),
  recovery: v.boolean('true or false'),
  causeChanged: v.boolean('true or false'),
  degraded: v.boolean('true or false'),
  quietHours: v.nullable(v.strictObject({ start: hhmm, end: hhmm })),
  muted: v.array(v.string('a target name'), 'a list of target names'),
});

/** The whole settings object. */
export const AppSettingsSchema = v.strictObject({
  targets: v.pipe(
    v.array(TargetSchema, 'a list of targets'),
    v.minLength(1, 'at least one target'),
    v.maxLength(10, 'at most 10 targets'),
  ),
  intervalSeconds: v.nonOptional(ConfigSchema.entries.intervalSeconds.wrapped, 'a number of seconds'),
  controls: v.nonOptional(ConfigSchema.entries.controls.wrapped, 'a list of URLs'),
  alternateProxy: v.nullable(ConfigSchema.entries.alternatePath.wrapped.entries.proxy),
  browserProfiles: v.nonOptional(ConfigSchema.entries.browserProfiles.wrapped, 'a list of folders'),
  notifications: NotificationSettingsSchema,
  launchAtLogin: v.boolean('true or false'),
  // Absent from settings saved before the choice existed: not accepted.
  allowPlainTextTokens: v.optional(v.boolean('true or false'), false),
});
