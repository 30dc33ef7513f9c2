/**
 * What a person reads when Partner Center answers with an error we have no words of our own for:
 * Partner Center's description (clean of markup and HTML entities), its code and the correlation ID
 * to quote to Microsoft support; and "not found" for every 404, whatever code its body carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../../main/failures';
import { PartnerCenterError } from '../../../main/partner-center';
import { testClient } from './support/client';
import { json, startScriptedServer, type ScriptedServer } from './support/scripted-server';

const customerId = '28045616-f6b9-462f-9701-0d89b5e65c44';
const correlationId = '7c1f3a52-0b8e-4c36-9d0a-2f1e9a4b6c11';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(status: number, body: unknown): Promise<PartnerCenterError> {
  server = await startScriptedServer(json(status, body, { 'MS-CorrelationId': correlationId }));
  try {
    await testClient(server.baseUrl).getOrder(customerId, 'order-1');
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCenterError);
    return error as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

describe('an error code without words of our own', () => {
  it("shows Partner Center's description without markup or entities, its code and the correlation ID", async () => {
    const error = await failureOf(400, {
      code: 71001,
      description: 'The customer&#39;s tenant <b>isn&#39;t</b> set up for this&nbsp;offer.<br/>',
      data: [],
      source: 'PartnerFD',
    });
    expect(error.userMessage).toBe(
      "Partner Center says: The customer's tenant isn't set up for this offer. Error code 71001. " +
        `If you contact Microsoft support, quote correlation ID ${correlationId}.`,
    );
    // The same words cross the bridge, with the ids kept apart for a "copy details" action.
    const failure = explainError(error)!;
    expect(failure.message).toBe(error.userMessage);
    expect(failure.details).toMatchObject({ partnerCenterCode: '71001', correlationId });
  });

  it('keeps what the HTTP status asks of the person in front of the description', async () => {
    const error = await failureOf(403, {
      code: 'PC-17',
      description: 'The app is not in the AdminAgents group',
    });
    expect(error.userMessage).toMatch(
      /^Your partner account isn't allowed to do this\. Partner Center says: The app is not in the AdminAgents group\. Error code PC-17\./,
    );
  });

  it('shortens a very long description and never ends in two full stops', async () => {
    const error = await failureOf(400, { code: 9, description: `${'word '.repeat(300)}end..` });
    expect(error.userMessage.length).toBeLessThan(500);
    expect(error.userMessage).toContain('…');
    const short = await failureOf(400, { code: 9, description: 'Already done..' });
    expect(short.userMessage).toContain('Partner Center says: Already done. Error code 9.');
    expect(short.userMessage).not.toMatch(/\.\./);
  });

  it('leaves an entity that names no character as written instead of failing', async () => {
    const error = await failureOf(400, { code: 9, description: 'Bad &#99999999; value &unknown;' });
    expect(error.userMessage).toContain('Bad &#99999999; value &unknown;.');
  });

  it('says the request was rejected when Partner Center gives no description', async () => {
    const error = await failureOf(400, { code: 424242 });
    expect(error.userMessage).toBe(
      `Partner Center rejected the request. Error code 424242. If you contact Microsoft support, quote correlation ID ${correlationId}.`,
    );
  });
});

describe('a 404', () => {
  it('says "not found" even when its body carries a code meant for something else', async () => {
    // Microsoft's own example: a 404 whose body carries 3000, the "invalid property" code.
    const error = await failureOf(404, {
      code: 3000,
      description: 'Partner Organization with partner_id 9999999 could not be found',
      data: [],
      source: 'PartnerFD',
    });
    expect(error.deskErrorCode).toBe('NOT_FOUND');
    expect(error.userMessage).toMatch(/^Partner Center couldn't find this item\./);
    expect(error.userMessage).toContain('partner_id 9999999 could not be found.');
    expect(error.userMessage).not.toMatch(/invalid/i);
  });

  it('keeps our own words for the not-found codes', async () => {
    const error = await failureOf(404, { code: 20000, description: 'Order not found' });
    expect(error.userMessage).toBe("This order wasn't found.");
  });
});
