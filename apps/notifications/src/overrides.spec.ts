import { ContactDirectory, IdentityContactDirectory } from './modules/recipients/recipients';
import { EmailSender } from './modules/delivery/providers';
import { DELIVERY_PORTS } from './modules/delivery/delivery.module';
import { RECIPIENT_PORTS } from './modules/recipients/recipients.module';
import { checkOverrides, withOverrides } from './overrides';

describe('provider overrides', () => {
  const fake = { provide: ContactDirectory, useValue: { contact: async () => null } };

  it("replaces a module's own provider and leaves other modules' overrides alone", () => {
    const defaults = [{ provide: ContactDirectory, useClass: IdentityContactDirectory }];
    expect(withOverrides(defaults, [fake])).toEqual([fake]);
    expect(withOverrides(defaults, [{ provide: EmailSender, useValue: {} }])).toEqual(defaults);
  });

  it('accepts overrides of the ports and refuses one that no module provides', () => {
    const ports = [...DELIVERY_PORTS, ...RECIPIENT_PORTS];
    expect(() => checkOverrides([fake, { provide: EmailSender, useValue: {} }], ports)).not.toThrow();
    expect(() => checkOverrides([{ provide: 'Nope', useValue: {} }], ports)).toThrow(/provides Nope/);
  });
});
