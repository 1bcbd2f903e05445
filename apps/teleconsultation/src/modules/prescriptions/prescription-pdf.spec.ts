import { PrescriptionStatus } from '@telehealth/contracts';
import { pdfText, signedPrescription } from './prescription-fixtures';
import { renderPrescriptionPdf } from './prescription-pdf';

describe('the printable prescription', () => {
  const url = 'https://api.example/v1/prescriptions/verify/K7QF-2M9X-PA4C';

  it('is a PDF showing the doctor, the patient, the medications and the verification code', async () => {
    const pdf = await renderPrescriptionPdf(signedPrescription(), url);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = pdfText(pdf);
    for (const shown of [
      'Dr Tunde Adeyemi',
      'Registration no. MDCN/12345',
      'Lekki Family Clinic',
      'Prescription RX-20261202-4F7K2Q',
      'Ngozi Okeke',
      'Allergies: Penicillin',
      'Amoxicillin 500 mg (capsule)',
      'Verification code: K7QF-2M9X-PA4C',
    ])
      expect(text).toContain(shown);
    expect(text).not.toContain('CANCELLED');
    // Also in the document's keywords, as plain text.
    expect(pdf.toString('latin1')).toContain('K7QF-2M9X-PA4C');
  });

  it('marks a cancelled prescription so', async () => {
    const pdf = await renderPrescriptionPdf(signedPrescription({ status: PrescriptionStatus.CANCELLED }), url);
    expect(pdfText(pdf)).toContain('CANCELLED');
  });
});
