import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type CasServer, startCasServer } from '../support/casServer.js';
import { Journey } from '../support/journey.js';
import { startWorld, type World } from '../support/world.js';
import { addPerson, directoryEnv, directoryFor, newPerson, sharedSlapd } from './directory.js';
import { entLogin } from './entLogin.js';

const slapd = sharedSlapd();
let world: World;
let cas: CasServer;
let browser: Browser;
beforeAll(async () => {
  cas = await startCasServer({}, 0, { directory: directoryFor(slapd) });
  world = await startWorld({
    ENT_PROTOCOL: 'cas',
    ENT_CAS_BASE_URL: cas.baseUrl,
    ...directoryEnv(slapd),
    IMAGE_RIGHTS_SERVICES: JSON.stringify([
      { id: 'bibliotheque', label: 'Bibliothèque universitaire', token: 'bibliotheque-token-0123456789abcdef' },
    ]),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await cas?.close();
});

describe('« Mon compte » in a real browser (375 px, axe on every page)', () => {
  it('when a student opens « Mon compte », then the four tabs lead to their details, their password and their image rights, each change taking effect', async () => {
    const ines = newPerson('Ines', 'Moreau', { password: 'journee-portes-ouvertes-9' });
    await addPerson(slapd, ines);
    const journey = await Journey.start(browser, 'mon-compte');
    const page = journey.page;
    await journey.open(`${world.baseUrl}/ent/connexion`);
    await page.getByLabel('Identifiant').fill(ines.login);
    await page.getByLabel('Mot de passe').fill(ines.password!);
    await journey.click('Connexion');
    expect(page.url()).toBe(`${world.baseUrl}/ent/accueil`);

    await journey.open(`${world.baseUrl}/mon-compte`);
    expect(page.url()).toBe(`${world.baseUrl}/mon-compte/informations`);
    const tabs = page.getByRole('navigation', { name: 'Rubriques de mon compte' });
    expect(await tabs.getByRole('listitem').allTextContents()).toEqual([
      'Mes informations personnelles',
      'Badge et accès',
      'Connexion et sécurité',
      'Confidentialité et droit à l’image',
    ]);
    expect(await page.textContent('main')).toContain(ines.studentNumber);
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByLabel('Adresse postale').fill('12 rue des Gras\n63000 Clermont-Ferrand');
    await journey.click('Enregistrer mes coordonnées');
    expect(await page.textContent('main')).toContain('Vos coordonnées sont enregistrées.');
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('06 12 34 56 78');
    await journey.shot('informations');

    await journey.click('Connexion et sécurité', 'link');
    expect(await page.textContent('main')).toContain('Critères de sécurité du mot de passe');
    await page.getByLabel('Mot de passe actuel').fill(ines.password!);
    await page.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('ines-1er-semestre');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('ines-1er-semestre');
    await journey.click('Modifier mon mot de passe');
    // The platform's policy first: the first name is refused before the directory is asked.
    expect(await page.textContent('main')).toContain('Le mot de passe ne doit pas reprendre votre nom');
    await page.getByLabel('Mot de passe actuel').fill(ines.password!);
    await page.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('bibliotheque-du-campus-21');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('bibliotheque-du-campus-21');
    await journey.click('Modifier mon mot de passe');
    expect(await page.textContent('main')).toContain('Votre mot de passe ENT est modifié');
    await journey.shot('securite');
    expect(await entLogin(world, cas, ines.login, 'bibliotheque-du-campus-21')).toBeDefined();
    expect(await entLogin(world, cas, ines.login, ines.password!)).toBeUndefined();

    await journey.click('Confidentialité et droit à l’image', 'link');
    await journey.navigate(() => page.getByRole('button', { name: 'Donner mon accord' }).nth(1).click());
    expect(await page.textContent('main')).toContain('Votre choix est enregistré.');
    await journey.click('Retirer mon accord');
    const history = page.getByRole('table', { name: 'Historique de mes choix' });
    expect(await history.getByRole('row').count()).toBe(3);
    await journey.shot('droit-image');
    await journey.end();
  });

  it('when a new student activates their account through « Première connexion ? », then the mailed code lets them choose a password the ENT accepts', async () => {
    const noe = newPerson('Noe', 'Lambert');
    await addPerson(slapd, noe);
    const journey = await Journey.start(browser, 'premiere-connexion');
    const page = journey.page;
    await journey.open(`${world.baseUrl}/ent/premiere-connexion`);
    await page.getByLabel('Numéro d’étudiant').fill(noe.studentNumber);
    await page.getByLabel('Date de naissance').fill(noe.birthDate);
    await journey.click('Recevoir mon code');
    const mail = await world.mailbox.waitFor(noe.personalMail, { subject: /Activation de votre compte ENT/ });
    const code = /« Première connexion \? » : (\d{8})/.exec(mail.text)![1]!;
    await page.getByLabel('Code reçu par courriel (8 chiffres)').fill(code);
    await page.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('rentree-universitaire-2026');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('rentree-universitaire-2026');
    await journey.click('Activer mon compte');
    expect(await page.textContent('main')).toContain('Votre compte est activé');
    expect(await entLogin(world, cas, noe.login, 'rentree-universitaire-2026')).toBeDefined();

    await journey.open(`${world.baseUrl}/ent/mot-de-passe-oublie`);
    await page.getByLabel('Identifiant ENT').fill(noe.login);
    await journey.click('Recevoir le lien');
    expect(await page.textContent('main')).toContain('un lien vient d’y être envoyé');
    const link = await world.mailbox.waitFor(noe.personalMail, { subject: /Mot de passe oublié/ });
    await journey.open(/(http:\/\/\S+\/ent\/mot-de-passe-oublie\/\S+)/.exec(link.text)![1]!);
    await page.getByLabel('Nouveau mot de passe', { exact: false }).first().fill('vacances-de-printemps-77');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('vacances-de-printemps-77');
    await journey.click('Choisir mon nouveau mot de passe');
    expect(await page.textContent('main')).toContain('Votre nouveau mot de passe est enregistré');
    expect(await entLogin(world, cas, noe.login, 'vacances-de-printemps-77')).toBeDefined();
    await journey.end();
  });
});
