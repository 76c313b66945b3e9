import type { Knex } from 'knex';

/**
 * The student card (seed 003, issue 21), modelled on ESUP-SGC's card life. Photos are stored in
 * PostgreSQL (`bytea`, the normalised JPEG only, about 30–60 KB): they are backed up, restored and
 * deleted with the rows that point at them, in the same transactions, with no second store to
 * keep consistent. Access-control notifications are rows too (the outbox: idempotent by event id).
 * The card office is a new staff role, `service_carte`.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_role_check');
  await db.raw(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check
    CHECK (role IN ('administrateur', 'responsable_composante', 'responsable_vet', 'webmaster', 'charge_de_projet', 'operateur', 'service_carte'))`);

  await db.raw(`CREATE TABLE student_cards (
    id uuid PRIMARY KEY,
    ent_account_id uuid NOT NULL REFERENCES ent_accounts (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'awaiting_photo' CHECK (status IN ('awaiting_photo', 'photo_pending', 'photo_refused',
      'request_checked', 'in_print', 'printed', 'encoded', 'ready', 'enabled', 'disabled', 'expired', 'replaced', 'cancelled')),
    photo_id uuid,
    rejections integer NOT NULL DEFAULT 0,
    disabled_motive text CHECK (disabled_motive IN ('lost', 'theft', 'out_of_order')),
    disabled_at timestamptz,
    replaces_card_id uuid UNIQUE REFERENCES student_cards (id),
    replacement_fee_cents integer NOT NULL DEFAULT 0,
    valid_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`);
  // One card in progress or in use per student: a replacement is possible only once the old one is replaced.
  await db.raw(`CREATE UNIQUE INDEX student_cards_one_live ON student_cards (ent_account_id)
    WHERE status NOT IN ('expired', 'replaced', 'cancelled')`);
  await db.raw('CREATE INDEX student_cards_status ON student_cards (status, updated_at)');

  await db.raw(`CREATE TABLE card_photos (
    id uuid PRIMARY KEY,
    card_id uuid NOT NULL REFERENCES student_cards (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused', 'withdrawn')),
    jpeg bytea,
    width integer NOT NULL,
    height integer NOT NULL,
    measures jsonb NOT NULL DEFAULT '{}',
    refusal_reason text,
    refusal_comment text,
    decided_by text,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    purge_after timestamptz
  )`);
  // One photo waiting for the card office per card.
  await db.raw(`CREATE UNIQUE INDEX card_photos_one_pending ON card_photos (card_id) WHERE status = 'pending'`);
  await db.raw(`CREATE INDEX card_photos_queue ON card_photos (uploaded_at) WHERE status = 'pending'`);
  await db.raw(`CREATE INDEX card_photos_purge ON card_photos (purge_after) WHERE jpeg IS NOT NULL AND purge_after IS NOT NULL`);
  await db.raw(`ALTER TABLE student_cards ADD CONSTRAINT student_cards_photo_fk FOREIGN KEY (photo_id) REFERENCES card_photos (id)`);

  await db.raw(`CREATE TABLE access_control_events (
    id uuid PRIMARY KEY,
    card_id uuid NOT NULL REFERENCES student_cards (id) ON DELETE CASCADE,
    type text NOT NULL CHECK (type IN ('card.disabled', 'card.enabled')),
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,
    acknowledged_at timestamptz
  )`);
}
