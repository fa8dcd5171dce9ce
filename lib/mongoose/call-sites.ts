import type { Path } from '../ast/nodes';
import type { MongooseAnalysis } from './analysis';

/** One place a helper function is called from. */
export interface CallSite {
  file: string;
  analysis: MongooseAnalysis;
  call: Path;
}

/** The calls found; `incomplete` says why some callers may be missing (undefined: the list is complete). */
export interface CallSiteSearch {
  sites: CallSite[];
  incomplete?: string;
}

/** Gathers call sites, once each, and remembers the first reason the list may be incomplete. */
export class SiteCollector implements CallSiteSearch {
  readonly sites: CallSite[] = [];
  incomplete: string | undefined;

  add(site: CallSite): void {
    if (!this.sites.some((s) => s.call.node === site.call.node)) this.sites.push(site);
  }

  miss(reason: string): void {
    this.incomplete ??= reason;
  }
}
