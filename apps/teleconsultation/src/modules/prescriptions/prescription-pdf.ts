import type PDFKitDocument from 'pdfkit';
import { PrescriptionStatus } from '@telehealth/contracts';
import type { Prescription } from './prescription';

/**
 * pdfkit costs about 24 MB once loaded (fonts, fontkit): loaded on the first render, not at start,
 * so a replica that never prints stays within its memory budget (the bench's idle-RSS aim).
 */
let pdfkit: typeof PDFKitDocument | undefined;
const loadPdfkit = (): typeof PDFKitDocument => (pdfkit ??= require('pdfkit') as typeof PDFKitDocument);

const MARGIN = 50;

/**
 * The printable render of a signed prescription (pdfkit, A4): the doctor and clinic as frozen at
 * signing, the patient, the medications, the verification code (as text, and in the document's
 * keywords) and where to check it. A cancelled prescription is marked CANCELLED across the top.
 * Content streams are left uncompressed: the text stays searchable in the file as issued.
 */
export function renderPrescriptionPdf(p: Prescription, verifyUrl: string): Promise<Buffer> {
  const PDFDocument = loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: {
      Title: `Prescription ${p.number}`,
      Subject: `Verification code ${p.verificationCode ?? ''}`,
      Keywords: `prescription ${p.number} ${p.verificationCode ?? ''}`,
      Author: p.doctor?.name ?? '',
      Creator: 'telehealth-platform',
      CreationDate: p.signedAt ?? p.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (p.status === PrescriptionStatus.CANCELLED)
    doc.fillColor('#b00020').font('Helvetica-Bold').fontSize(16).text('CANCELLED', { align: 'center' }).moveDown(0.5);
  doc.fillColor('black');

  const d = p.doctor;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(d?.name ?? 'Doctor');
  doc.font('Helvetica').fontSize(10);
  if (d?.qualifications.length) doc.text(d.qualifications.join(', '));
  if (d?.registrationNumber) doc.text(`Registration no. ${d.registrationNumber}`);
  if (d?.clinic) doc.text([d.clinic.name, d.clinic.address].filter(Boolean).join(' - '));
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(12).text(`Prescription ${p.number}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`Issued ${(p.signedAt ?? p.createdAt).toISOString().slice(0, 10)}`);
  doc.moveDown();

  const pt = p.patient;
  if (pt) {
    doc.font('Helvetica-Bold').text('Patient');
    doc.font('Helvetica').text(pt.name);
    const facts = [
      pt.age !== null ? `Age ${pt.age}` : null,
      pt.sex ? `Sex ${pt.sex.toLowerCase()}` : null,
      pt.weightKg !== null ? `Weight ${pt.weightKg} kg` : null,
    ].filter(Boolean);
    if (facts.length) doc.text(facts.join('   '));
    doc.text(`Allergies: ${pt.allergies.length ? pt.allergies.join(', ') : 'none known'}`);
    doc.moveDown();
  }

  if (p.content.diagnosis) {
    doc.font('Helvetica-Bold').text('Diagnosis');
    doc.font('Helvetica').text(p.content.diagnosis).moveDown();
  }

  doc.font('Helvetica-Bold').text('Rx');
  p.content.medications.forEach((m, i) => {
    doc.font('Helvetica-Bold').text(`${i + 1}. ${m.name} ${m.strength} (${m.form})`);
    doc
      .font('Helvetica')
      .text(`${m.dose}, ${m.route}, ${m.frequency}, for ${m.duration}`, { indent: 14 })
      .text(`Quantity ${m.quantity}; refills ${m.refills}`, { indent: 14 });
    if (m.instructions) doc.text(m.instructions, { indent: 14 });
  });
  if (p.content.notes) doc.moveDown().font('Helvetica-Bold').text('Notes').font('Helvetica').text(p.content.notes);

  doc.moveDown(2);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Signed electronically by ${d?.name ?? 'the doctor'}.`);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Verification code: ${p.verificationCode ?? '-'}`);
  doc.font('Helvetica').fontSize(9).text(`Check it at ${verifyUrl}`);
  doc.end();
  return done;
}
