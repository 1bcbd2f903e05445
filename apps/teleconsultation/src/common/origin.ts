/** Who announces teleconsultation's events, and the request or event that caused them. */
export const origin = (correlationId?: string) => ({ producer: 'teleconsultation' as const, correlationId });
