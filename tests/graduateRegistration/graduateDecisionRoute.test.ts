import { describe, expect, it } from 'vitest';
import { graduateDecisionRoute } from '../../workflows/graduateRegistration/decisionRoute.js';

const plan = { deadline: 'P30D', escalateToComposante: 'P7D', escalateToAdmin: 'P14D' };
const found = {
  kind: 'found' as const,
  registryGraduateId: 'g1',
  vetCode: '1LINF',
  vetLabel: 'Licence Informatique',
  composanteCode: 'UFRSCI',
  year: 2015,
  sharedByHomonyms: false,
};

describe('who validates a graduate (seed 000), as data', () => {
  it('when the diploma is found, then the responsable VET is asked first, then the composante, then the admin; groups composante + VET', () => {
    expect(graduateDecisionRoute(found, plan)).toEqual({
      levels: [
        { approvers: [{ role: 'responsable_vet', scope: '1LINF' }] },
        { approvers: [{ role: 'responsable_composante', scope: 'UFRSCI' }], after: 'P7D' },
        { approvers: [{ role: 'administrateur' }], after: 'P14D' },
      ],
      groups: [
        { kind: 'composante', code: 'UFRSCI' },
        { kind: 'vet', code: '1LINF' },
      ],
    });
  });

  it('when the diploma is not found, then the composante then the admin decide; group composante only', () => {
    const route = graduateDecisionRoute({ kind: 'not_found', composanteCode: 'IUT' }, plan);
    expect(route.levels.map((l) => l.approvers)).toEqual([
      [{ role: 'responsable_composante', scope: 'IUT' }],
      [{ role: 'administrateur' }],
    ]);
    expect(route.groups).toEqual([{ kind: 'composante', code: 'IUT' }]);
  });

  it('when the person is absent from the registry, or picked a diploma several homonyms hold, then only the administrateur decides', () => {
    expect(graduateDecisionRoute(undefined, plan)).toEqual({ levels: [{ approvers: [{ role: 'administrateur' }] }], groups: [] });
    expect(graduateDecisionRoute({ ...found, sharedByHomonyms: true }, plan).levels).toEqual([{ approvers: [{ role: 'administrateur' }] }]);
  });
});
