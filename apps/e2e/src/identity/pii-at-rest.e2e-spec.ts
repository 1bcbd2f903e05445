import { dbNameOf, rawDb } from '@telehealth/testing';
import { newPatient } from '../support/actors';

describe('PII at rest - phone numbers and dates of birth are encrypted', () => {
  it('the raw identity database holds no plaintext phone or date of birth (canary search)', async () => {
    const phone = '+2348097531864';
    const dob = '1977-07-17';
    const childDob = '2013-03-13';
    const s = await newPatient({ phone, dateOfBirth: dob });
    expect(
      (
        await s.api.post(
          '/v1/me/dependents',
          { firstName: 'Kid', lastName: 'C', relationship: 'CHILD', dateOfBirth: childDob },
          { token: s.token },
        )
      ).status,
    ).toBe(201);

    // Through the API the owner reads them back decrypted...
    const me = await s.api.get('/v1/me', { token: s.token });
    expect(me.body).toMatchObject({ phone, dateOfBirth: dob });

    // ...while no document in any collection of the service's database contains them.
    const { db, close } = await rawDb(dbNameOf('identity'));
    const hits: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc);
        for (const canary of [phone, phone.slice(1), dob, childDob])
          if (text.includes(canary)) hits.push(`${name}: ${canary}`);
      }
    }
    const user = await db.collection('users').findOne({ _id: s.userId as never });
    await close();
    expect(hits).toEqual([]);
    expect(user?.phoneEnc).toMatch(/^v1:/);
    expect(user?.dateOfBirthEnc).toMatch(/^v1:/);
  });
});
