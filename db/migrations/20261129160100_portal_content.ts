import type { Knex } from 'knex';

/**
 * What the reference portal shows without an account, maintained by staff (JSON API now, the back
 * office's pages later):
 *  - `degree_programmes`: eCandidat's « Offre de formation » (seed 001), the programmes open to
 *    application with the date the recruitment campaign opens; read in pages by keyset on
 *    (opening date, id);
 *  - `faq_entries`: « Assistance »'s FAQ, French and English (English falls back to French);
 *  - `terms_versions`: the recruiters' conditions générales d'utilisation, full text, versioned:
 *    a recruiter accepts the version in force, recorded with the acceptance. A first version ships
 *    here so a fresh installation can register recruiters; the institution publishes its own.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('degree_programmes', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('title').notNullable();
    t.text('composante').notNullable();
    t.text('level').notNullable().defaultTo('');
    t.date('campaign_opens_on').notNullable();
    t.date('campaign_closes_on');
    t.text('description').notNullable().defaultTo('');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['campaign_opens_on', 'id']);
  });
  await db.raw(`ALTER TABLE degree_programmes ADD CONSTRAINT degree_programmes_dates_check
    CHECK (campaign_closes_on IS NULL OR campaign_closes_on >= campaign_opens_on)`);

  await db.schema.createTable('faq_entries', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.integer('position').notNullable().defaultTo(0);
    t.text('question_fr').notNullable();
    t.text('answer_fr').notNullable();
    t.text('question_en');
    t.text('answer_en');
    t.uuid('updated_by').references('staff_accounts.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['position', 'id']);
  });

  await db.schema.createTable('terms_versions', (t) => {
    t.text('version').primary();
    t.text('body_fr').notNullable();
    t.text('body_en');
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.uuid('published_by').references('staff_accounts.id');
  });
  await db('terms_versions').insert({ version: '2026-01', body_fr: defaultTermsFr, body_en: defaultTermsEn, published_at: db.fn.now() });
}

const defaultTermsFr = `Conditions générales d'utilisation de la plateforme — espace ENTREPRISES/PARTENAIRES

1. Objet. Les présentes conditions régissent l'utilisation de la plateforme par les entreprises et partenaires de l'université (les « recruteurs ») : inscription, connexion et, une fois ce droit accordé par l'administrateur, dépôt d'offres d'emploi et de stage.

2. Inscription. Le recruteur fournit des informations exactes sur son entreprise et sur la personne à contacter, et valide son adresse mail. L'inscription est validée par l'administrateur de la plateforme, qui peut la refuser en motivant sa décision. L'inscription simple ne donne pas le droit de déposer des offres : ce droit est accordé séparément.

3. Compte. Les identifiants sont personnels et confidentiels. Le recruteur signale sans délai toute utilisation non autorisée de son compte.

4. Offres. Toute offre déposée est soumise à la validation d'un webmaster avant publication. Elle doit être licite, exacte, non discriminatoire et conforme au droit du travail. L'université peut retirer une offre qui ne respecte pas ces conditions.

5. Candidatures. Les candidatures et CV reçus ne servent qu'au recrutement pour l'offre concernée ; ils ne sont ni conservés au-delà du nécessaire ni transmis à des tiers.

6. Données personnelles. Les données du recruteur sont traitées par l'université pour la gestion de la plateforme, conformément au règlement général sur la protection des données (RGPD). Le recruteur dispose d'un droit d'accès, de rectification et d'effacement auprès du référent indiqué dans la rubrique « Assistance ».

7. Évolution. L'université peut modifier les présentes conditions ; une nouvelle version est présentée à l'acceptation lors de l'inscription. La version acceptée et sa date sont enregistrées avec l'inscription.`;

const defaultTermsEn = `General terms of use of the platform — COMPANIES/PARTNERS area

1. Purpose. These terms govern the use of the platform by the university's companies and partners ("recruiters"): registration, login and, once the administrator grants that right, posting job and internship offers.

2. Registration. The recruiter gives accurate details about their company and contact person, and validates their e-mail address. The platform's administrator validates the registration, or refuses it with a reason. A plain registration does not include the right to post offers: that right is granted separately.

3. Account. Credentials are personal and confidential. The recruiter reports without delay any unauthorised use of their account.

4. Offers. Every offer is validated by a webmaster before publication. It must be lawful, accurate, non-discriminatory and compliant with labour law. The university may withdraw an offer that breaches these terms.

5. Applications. Applications and CVs received serve only to recruit for the offer concerned; they are neither kept longer than needed nor passed on to third parties.

6. Personal data. The recruiter's data is processed by the university to run the platform, in accordance with the General Data Protection Regulation (GDPR). The recruiter may exercise their rights of access, rectification and erasure with the referent named on the « Help » page.

7. Changes. The university may change these terms; a new version is presented for acceptance at registration. The version accepted and its date are recorded with the registration.`;
