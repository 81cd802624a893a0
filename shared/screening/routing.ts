import type { ApplicationData } from '../domain/case';
import type { Team } from '../products/catalog';
import type { RoutingParams } from './policy';

/** The approval team for a case that passes screening: corporate products, or a segment above its amount. */
export function routeTeam(data: ApplicationData, p: RoutingParams): Team {
  if (p.corporateProducts.includes(data.productCode)) return 'corporate';
  for (const a of p.corporateAbove) {
    if ((a.segment === '*' || a.segment === data.segment) && data.amountFen > a.aboveFen) return 'corporate';
  }
  return p.defaultTeam;
}
