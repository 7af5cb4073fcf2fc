/**
 * The words every kind of change shares, with no zod: the renderer must stay zod-free, and
 * before this leaf it copied these constants instead (lint now stops that, eslint.config.mjs).
 */
export const FAMILIES = ['ipv4', 'ipv6'] as const;
export type Family = (typeof FAMILIES)[number];
export const FAMILY_LABEL: Readonly<Record<Family, string>> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** When Windows goes by a change: the registry values only when it starts; netsh's changes at once. */
export type Effect = 'at-once' | 'after-restart';
export const EFFECT_TEXT = { 'at-once': 'at once', 'after-restart': 'after a restart' } as const satisfies Record<
  Effect,
  string
>;
