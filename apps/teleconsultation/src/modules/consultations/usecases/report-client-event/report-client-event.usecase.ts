import { Injectable } from '@nestjs/common';
import {
  ClientEventKind,
  type ClientEventRequest,
  type ConsultationView,
  type QualityLevel,
} from '@telehealth/contracts';
import { requireCaller, type RequestMeta } from '@telehealth/messaging';
import { Clock } from '@telehealth/service-kit';
import { requireRelation, requireVisible } from '../../consultation-access';
import { ConsultationChanges } from '../../consultation-changes';
import type { ConsultationDoc } from '../../consultation.schema';
import { toConsultationView } from '../../consultation.mapper';
import { ConsultationStore } from '../../consultation.store';
import { Action } from '../../lifecycle';
import { RecordPresence } from '../record-presence/record-presence.usecase';

const RANK: Record<QualityLevel, number> = { EXCELLENT: 0, GOOD: 1, FAIR: 2, POOR: 3 };

/** The worse of two levels: a call's quality is as good as its worst reported moment. */
const worse = (a: QualityLevel | null, b: QualityLevel | undefined): QualityLevel | null =>
  !b ? a : !a || RANK[b] > RANK[a] ? b : a;

/**
 * A participant's app reports what happened in the call: joined or left (for providers without
 * webhooks; a webhook, where one exists, wins), a network issue and how long it lasted, or a
 * quality sample. They end up in the call log's quality summary.
 */
@Injectable()
export class ReportClientEvent {
  constructor(
    private readonly store: ConsultationStore,
    private readonly changes: ConsultationChanges,
    private readonly presence: RecordPresence,
    private readonly clock: Clock,
  ) {}

  async execute(q: ClientEventRequest, meta: RequestMeta): Promise<ConsultationView> {
    const caller = requireCaller(meta);
    const { relation } = requireVisible(caller, await this.store.load(q.id));
    requireRelation(relation, ['doctor', 'patient'], 'report on');
    const side = relation as 'doctor' | 'patient';
    const at = this.clock.now();
    if (q.kind === ClientEventKind.JOINED || q.kind === ClientEventKind.LEFT) {
      const done = await this.presence.execute({
        consultationId: q.id,
        side,
        kind: q.kind,
        at,
        source: 'CLIENT',
        correlationId: meta.requestId,
      });
      return toConsultationView(done);
    }
    const done = await this.changes.apply(q.id, Action.NOTE, (s) => ({ set: this.quality(s, q) }));
    return toConsultationView(done);
  }

  private quality(s: ConsultationDoc, q: ClientEventRequest): Record<string, unknown> {
    if (q.kind === ClientEventKind.NETWORK_ISSUE)
      return {
        'quality.networkIssues': (s.quality.networkIssues ?? 0) + 1,
        'quality.networkIssueSeconds': (s.quality.networkIssueSeconds ?? 0) + (q.durationSeconds ?? 0),
      };
    return { 'quality.video': worse(s.quality.video, q.video), 'quality.audio': worse(s.quality.audio, q.audio) };
  }
}
