import { z } from 'zod';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import { validatePage, type ProviderHttp } from '../provider-http';
import type { ConfirmaWrites } from '../provider-writes';
import { normalizeConfirmaCase } from './normalize';
import { confirmaCaseSchema } from './schema';

const casesSchema = z.looseObject({ cases: z.array(z.unknown()) });

/**
 * Confirma's case actions: `POST …/invoice/action {actions:[{code: COMMENT, comment, data{caseId}}]}`
 * (202), and the one-case read they are checked against (`GET …/invoice/case?caseId=`).
 */
export function confirmaWrites(http: ProviderHttp, connectionId: string, partner: string): ConfirmaWrites {
  return {
    provider: 'confirma',
    async readCase(caseRef) {
      return http.getJson(
        `${partner}/invoice/case`,
        (body) => {
          const found = validatePage(casesSchema, body, `case ${caseRef}`).cases[0];
          if (found === undefined) throw new RpcError('not_found', `Confirma Finance has no case ${caseRef}.`, { provider: 'confirma' });
          const read = normalizeConfirmaCase(connectionId, validatePage(confirmaCaseSchema, found, `case ${caseRef}`));
          if (read.caseNumber !== caseRef) throw new RpcError('not_found', `Confirma Finance has no case ${caseRef}.`, { provider: 'confirma' });
          const comments = read.entries.filter((entry) => entry.kind !== 'event' && entry.text !== null).map((entry) => entry.text ?? '');
          return { caseRef, caseNumber: read.caseNumber, status: read.status, stage: read.stage, comments };
        },
        { caseId: caseRef },
      );
    },
    async comment({ caseRef, comment }) {
      const caseId = /^\d+$/.test(caseRef) ? Number(caseRef) : caseRef;
      await http.send('post', `${partner}/invoice/action`, { actions: [{ code: 'COMMENT', comment, data: { caseId } }] }, () => undefined);
    },
  };
}
