import { LedgerController } from '../ledger/ledger.controller';
import type { Actor } from '../http';
import { AccessLogController, InspectionMetricsController, MisconductStatisticsController, RecommendationsController } from '../../projections';
import { mayRead } from './api-reads';

/** The inspection section's pages, each offered to those its API route admits. */
export function inspectionTabs(actor: Actor | undefined, active?: string): { text: string; href: string; active: boolean }[] {
  const tabs = [
    { text: 'Figures', href: '/inspection/figures', shown: mayRead(actor, InspectionMetricsController, 'inspection') },
    { text: 'Home Office tables', href: '/inspection/statistics', shown: mayRead(actor, MisconductStatisticsController, 'misconduct') },
    { text: 'Recommendations', href: '/inspection/recommendations', shown: mayRead(actor, RecommendationsController, 'list') },
    { text: 'Access log', href: '/inspection/access-log', shown: mayRead(actor, AccessLogController, 'list') },
    { text: 'Verify a case', href: '/inspection/verify', shown: mayRead(actor, LedgerController, 'publicKey') },
  ];
  return tabs.filter((tab) => tab.shown).map(({ text, href }) => ({ text, href, active: href === active }));
}
