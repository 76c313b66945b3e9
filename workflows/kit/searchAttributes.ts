import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes shared by every lifecycle, so an operator can filter the Temporal UI
 * with e.g. `LifecycleKind = "candidateAccount" AND LifecycleStatus = "awaiting_validation"`.
 * Values are internal ids and statuses only: never a name or an e-mail address.
 */
export const LifecycleKind = defineSearchAttributeKey('LifecycleKind', SearchAttributeType.KEYWORD);
export const LifecycleStatus = defineSearchAttributeKey('LifecycleStatus', SearchAttributeType.KEYWORD);
export const SubjectId = defineSearchAttributeKey('SubjectId', SearchAttributeType.KEYWORD);
/** Set when a mail of the lifecycle was refused for good by the SMTP server (5xx): `MailUndeliverable = true`. */
export const MailUndeliverable = defineSearchAttributeKey('MailUndeliverable', SearchAttributeType.BOOL);

/** Registered on the dev server at start (`--search-attribute Name=Type`). */
export const allSearchAttributes = [LifecycleKind, LifecycleStatus, SubjectId, MailUndeliverable] as const;
