import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Api } from '@telehealth/testing';

describe('GET /asyncapi.json - the event catalogue, served next to the REST document', () => {
  it('answers the committed AsyncAPI document without a token', async () => {
    const res = await new Api().get('/asyncapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const committed = JSON.parse(readFileSync(path.join(__dirname, '../../../../docs/asyncapi.json'), 'utf8'));
    expect(res.body).toEqual(committed);
    expect(res.body.channels.scheduling_appointment_confirmed_v1.address).toBe(
      'evt.scheduling.appointment.confirmed.v1',
    );
  });
});
